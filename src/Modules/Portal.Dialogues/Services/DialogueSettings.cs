namespace Portal.Dialogues.Services;

/// <summary><c>Portal:Dialogues</c> settings.</summary>
public sealed class DialogueSettings
{
    public const string Section = "Portal:Dialogues";

    /// <summary>Questions one address may send to one site's dialogues in an hour (the form's rate limit).</summary>
    public int QuestionsPerAddressPerHour { get; set; } = 10;
}
