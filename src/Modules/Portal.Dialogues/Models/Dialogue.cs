using Portal.Core.Persistence;

namespace Portal.Dialogues.Models;

/// <summary>
/// The module's own record of one dialogue item (table <c>Dialogues</c>), written when a version is
/// saved: the planned times of the latest version (what the stage job reads), the stage the
/// moderator or the job set, and the counter that numbers the published entries. The stage is not
/// a field of the content item: it changes during the event, without a new version or a review.
/// </summary>
public sealed class Dialogue : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public DateTime? QuestionsCloseUtc { get; set; }

    public DialogueStage Stage { get; set; }

    public DateTime StageChangedUtc { get; set; }

    /// <summary>Who changed the stage last ("Hệ thống" for the job).</summary>
    public string StageChangedBy { get; set; } = "";

    /// <summary>
    /// The last change was the moderator's: the job then skips the planned moves whose time is
    /// before that change (an event ended early stays ended, one reopened after its end stays live).
    /// </summary>
    public bool StageSetByHand { get; set; }

    /// <summary>The sequence number of the last published entry; the next publication takes this + 1 (one conditional UPDATE, so two publications never share a number).</summary>
    public int LastSequence { get; set; }

    /// <summary>Until when a citizen may send a question while the event is upcoming.</summary>
    public DateTime QuestionsUntilUtc => QuestionsCloseUtc ?? StartUtc;
}
