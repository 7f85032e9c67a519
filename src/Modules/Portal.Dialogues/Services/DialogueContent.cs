using Portal.Core.Contents;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>The content type of online dialogues and its fields in the item's data.</summary>
public static class DialogueContent
{
    public const string ContentType = "dialogue";

    public const string FeatureId = "Portal.Dialogues";

    public static DialogueFields Read(string data) => ContentFields.Read<DialogueFields>(data);

    public static string Write(DialogueFields fields) => ContentFields.Write(fields);
}
