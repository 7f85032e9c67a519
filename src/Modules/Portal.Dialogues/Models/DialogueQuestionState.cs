namespace Portal.Dialogues.Models;

/// <summary>A citizen's question on its way: only <see cref="Published"/> is ever shown to the public.</summary>
public enum DialogueQuestionState
{
    Submitted = 0,
    Accepted = 1,
    Rejected = 2,
    Merged = 3,
    Answered = 4,
    Published = 5,
}
