namespace Portal.Questions.Models;

/// <summary>
/// Where a citizen's question stands (DOMAIN: received, rejected, assigned, answered, published).
/// Stored as its name, so the API's and the history's words never depend on the order here.
/// </summary>
public enum QuestionStatus
{
    /// <summary>Stored and waiting for the editorial board's triage.</summary>
    Received,

    /// <summary>Accepted by the board; the site itself answers (no other agency yet).</summary>
    Accepted,

    /// <summary>Forwarded to an agency: a unit inside the site or another site.</summary>
    Assigned,

    /// <summary>The answer is approved and sent to the sender; not public (no consent, or not of general interest).</summary>
    Answered,

    /// <summary>The answer is public at /hoi-dap/{slug}.</summary>
    Published,

    /// <summary>Refused: spam, out of scope or a duplicate, with the reason the sender sees.</summary>
    Rejected,

    /// <summary>Joined to an earlier question of the same content; its sender follows that one.</summary>
    Merged,
}

/// <summary>Why the board refused a question; the sender sees the reason's text.</summary>
public enum QuestionRejection
{
    Spam,
    OutOfScope,
    Duplicate,
}

/// <summary>How the question reached this site.</summary>
public enum QuestionSource
{
    Form,
    Api,

    /// <summary>Forwarded by another site (the case's origin is that site's case).</summary>
    Transfer,

    /// <summary>Written by a recipe (demo data and migrations from an older portal).</summary>
    Recipe,
}
