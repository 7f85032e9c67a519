namespace Portal.Core.Contents;

/// <summary>One operation on one item, with what the operation needs: the new fields for a save, the reason for a force-publish or a return, the time for a schedule, the version for a restore.</summary>
public sealed record ContentCommand(ContentOperation Operation)
{
    public ContentDraft? Draft { get; init; }

    public string? Reason { get; init; }

    /// <summary>For <see cref="ContentOperation.Schedule"/> (and a publish asked for a later time): when, in UTC.</summary>
    public DateTime? AtUtc { get; init; }

    /// <summary>For <see cref="ContentOperation.Restore"/>: the version to bring back.</summary>
    public int Version { get; init; }

    public static ContentCommand Save(ContentDraft draft) => new(ContentOperation.Save) { Draft = draft };

    /// <summary>
    /// The workflow form every desk posts (<c>POST …/{id}/{operation}</c> with <c>publishAt</c>, in
    /// Vietnam's time, and <c>reason</c>): a publish with a time is a schedule. Null, with the
    /// editor's message, for an unknown step or an impossible time.
    /// </summary>
    public static ContentCommand? FromForm(string? operation, DateTime? publishAtVietnam, string? reason, out string? problem)
    {
        problem = null;
        if (!ContentOperations.TryParse(operation, out var op) || op is ContentOperation.Save or ContentOperation.Restore)
        {
            problem = "Thao tác không hợp lệ.";
            return null;
        }

        DateTime? at = null;
        if (publishAtVietnam is { } local && op is ContentOperation.Publish or ContentOperation.Schedule)
        {
            at = VietnamTime.ToUtc(local);
            if (at is null)
            {
                problem = "Thời điểm hẹn giờ phải trong khoảng năm 2000–2100.";
                return null;
            }
        }

        return new ContentCommand(op) { AtUtc = at, Reason = reason };
    }
}

/// <summary>What a step on many items did: how many were done, and how many were skipped (not allowed for this person or state).</summary>
public sealed record ContentBulkResult(int Done, int Skipped);

/// <summary>The person may not do this to this item (whatever its state): the desks answer 403.</summary>
public sealed class ContentForbiddenException(string message) : InvalidOperationException(message);
