namespace Portal.Dialogues.Models;

/// <summary>Where the event stands. The numbers are the public list's order: upcoming first, then live, then the archive.</summary>
public enum DialogueStage
{
    Upcoming = 0,
    Live = 1,
    Ended = 2,
}
