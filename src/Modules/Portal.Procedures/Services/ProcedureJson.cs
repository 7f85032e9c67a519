using Portal.Core.Contents;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>The procedure's fields as stored in the content item's JSON data.</summary>
internal static class ProcedureJson
{
    public const string ContentType = "procedure";

    public const string FeatureId = "Portal.Procedures";

    public static ProcedureFields Read(string data) => ContentFields.Read<ProcedureFields>(data);

    public static string Write(ProcedureFields fields) => ContentFields.Write(fields);
}
