using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;

namespace Portal.Procedures.Services;

/// <summary>
/// Content envelope type <c>procedure</c> (docs/contracts.md) for the recipes' <c>content</c> step,
/// the upload at /admin/thu-tuc/import and the content API: the row parser is
/// <see cref="ProcedureEnvelope"/>, the id comes from <see cref="ProcedureWriter"/>, the kernel's
/// upsert writes it. CSV list cells are split on "|" or line breaks.
/// </summary>
public sealed class ProcedureImporter : ContentImporter
{
    public override string Type => ProcedureJson.ContentType;

    public override string FeatureId => ProcedureJson.FeatureId;

    public override IReadOnlyList<string> FieldNames => ProcedureEnvelope.Fields;

    /// <summary>A procedure's name is the item's title.</summary>
    public override JsonObject Export(ContentItem item)
    {
        var fields = base.Export(item);
        fields["name"] = item.Title;
        return fields;
    }

    public override string ItemNoun => "thủ tục";

    public override IReadOnlyList<string> RequiredColumns => ["code", "name"];

    public override string RowKeyName => "mã thủ tục";

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        var problems = new List<FieldProblem>();
        ProcedureEnvelope.Read(fields, problems);
        return problems.Select(p => (p.Field, p.Message));
    }

    public override string? RowKey(JsonObject fields) => ProcedureEnvelope.NormalizeCode(RowLabel(fields));

    public override string RowLabel(JsonObject fields) => fields["code"] is JsonValue v && v.TryGetValue<string>(out var code) ? code.Trim() : "";

    public override async Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = ProcedureEnvelope.Read(envelope.Fields, problems)
            ?? throw new ContentWorkflowException(string.Join(" ", problems.Select(p => p.Message)));
        var code = input.Fields.Code;
        var id = await services.GetRequiredService<ProcedureWriter>().ResolveIdAsync(envelope.Id.Length > 0 ? envelope.Id : null, code, cancellationToken);
        var draft = new ContentDraft(input.Name, ProcedureWriter.SlugFor(code, input.Name), ProcedureJson.Write(input.Fields)) { Category = input.Fields.Field };
        return new ContentUpsert(Type, id, draft, envelope.Published, actor) { Reason = ProcedureWriter.ImportReason };
    }
}
