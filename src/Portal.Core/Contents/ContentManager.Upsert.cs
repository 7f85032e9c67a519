using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Contents;

public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Left as it is on purpose (an item the site's editors deleted or archived); the result says why.</summary>
    Skipped,
}

/// <summary>What an upsert did to the item <paramref name="ContentItemId"/>; <paramref name="Reason"/> says why it was skipped.</summary>
public sealed record UpsertResult(UpsertOutcome Outcome, string ContentItemId, string? Reason = null);

/// <summary>
/// One item as an import, a recipe or the API sends it: its id, its fields as a draft, and whether
/// citizens should see it. The caller has authorized the write (the upload's permission, the
/// recipe's operator, the API client's scope).
/// </summary>
public sealed record ContentUpsert(string ContentType, string ContentItemId, ContentDraft Draft, bool Published, ContentActor Actor)
{
    /// <summary>Named in the audit trail as the reason of the publish without review.</summary>
    public string Reason { get; init; } = "nhập nội dung (công thức, tệp nhập hoặc API)";

    /// <summary>
    /// The write goes to the site's editors instead of the public (an API client on a type of
    /// <see cref="ContentApiWrites.Review"/>): a changed item becomes a new version submitted for
    /// review over whatever is public, which stays public until an editor publishes the new one.
    /// <see cref="Published"/> is then ignored.
    /// </summary>
    public bool ForReview { get; init; }

    /// <summary>When the source says the item was first published (an article's <c>publishedAt</c>); null keeps the portal's own.</summary>
    public DateTime? PublishedUtc { get; init; }
}

public sealed partial class ContentManager
{
    /// <summary>
    /// Creates or updates one item by its id and makes its publication what the caller says,
    /// writing nothing when it already is so (importing the same file twice is harmless). The rules
    /// every import shares: the id must be valid and belong to this type; an item the editors
    /// deleted or archived is skipped with the reason, never brought back; an updated item keeps its
    /// address; taking an item down takes down whichever version is public, even under a newer draft.
    /// </summary>
    /// <exception cref="ContentWorkflowException">A bad id, an id of another type, a slug taken by another item.</exception>
    public Task<UpsertResult> UpsertAsync(ContentUpsert upsert, CancellationToken cancellationToken = default)
    {
        if (ContentIds.Problem(upsert.ContentItemId) is { } problem)
        {
            throw new ContentWorkflowException(problem);
        }

        return InTransactionAsync(() => UpsertCoreAsync(upsert, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The same fields, however they were written: rows migrated by SQL or written by an older
    /// serializer escape text differently, and must not turn a re-import into a new version.
    /// </summary>
    private static bool SameFields(string stored, string incoming)
    {
        if (stored == incoming)
        {
            return true;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(stored), System.Text.Json.Nodes.JsonNode.Parse(incoming));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task<UpsertResult> UpsertCoreAsync(ContentUpsert upsert, CancellationToken cancellationToken)
    {
        var id = upsert.ContentItemId;
        var newest = await db.Set<ContentItem>().Where(c => c.ContentItemId == id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            var created = await CreateCoreAsync(upsert.ContentType, upsert.Draft, upsert.Actor, id, cancellationToken);
            if (upsert.ForReview)
            {
                await MoveAsync(created, upsert.Actor, "Submitted", ContentState.Submitted, upsert.Reason, cancellationToken);
            }
            else if (upsert.Published)
            {
                created.PublishedUtc = upsert.PublishedUtc;
                await MakePublishedAsync(created, upsert.Actor, "ForcePublished", upsert.Reason, cancellationToken);
            }

            return new(UpsertOutcome.Created, id);
        }

        if (newest.ContentType != upsert.ContentType)
        {
            throw new ContentTypeConflictException($"Mã {id} đã dùng cho một nội dung loại khác trên trang; không nhập đè.");
        }

        if (newest.Deleted)
        {
            return new(UpsertOutcome.Skipped, id, $"mã {id} là của một nội dung đã bị xóa trên trang; không nhập lại (dùng mã khác nếu muốn nhập như nội dung mới).");
        }

        var latest = newest;
        var same = latest.Title == upsert.Draft.Title && latest.Culture == upsert.Draft.Culture && SameFields(latest.Data, upsert.Draft.Data);
        var isPublic = await HasPublicVersionAsync(latest, cancellationToken);
        if (latest.State == ContentState.Archived)
        {
            // An archive is an editor's decision; an import neither revives nor rewrites it.
            return same && !upsert.Published
                ? new(UpsertOutcome.Unchanged, id)
                : new(UpsertOutcome.Skipped, id, $"mã {id} đã được lưu trữ nên không được nhập đè; muốn dùng lại, hãy mở nội dung, lưu thành bản nháp mới rồi xuất bản.");
        }

        if (upsert.ForReview)
        {
            return await ForReviewAsync(latest, same, upsert, cancellationToken);
        }

        var publishedAsAsked = upsert.PublishedUtc is null || upsert.PublishedUtc == latest.PublishedUtc;
        if (same && (upsert.Published ? latest.Published && publishedAsAsked : !isPublic))
        {
            return new(UpsertOutcome.Unchanged, id);
        }

        if (!same)
        {
            latest = await SaveCoreAsync(latest, upsert.Draft with { Slug = latest.Slug }, upsert.Actor, cancellationToken);
        }

        if (upsert.Published)
        {
            latest.PublishedUtc = upsert.PublishedUtc ?? latest.PublishedUtc;
            await MakePublishedAsync(latest, upsert.Actor, "ForcePublished", upsert.Reason, cancellationToken);
        }
        else if (isPublic)
        {
            await TakeDownAsync(latest, upsert.Actor, "Unpublished", ContentState.Unpublished, cancellationToken);
        }

        return new(UpsertOutcome.Updated, id);
    }

    /// <summary>A changed item becomes a submitted version; an unchanged one already before the editors (or public) is left alone.</summary>
    private async Task<UpsertResult> ForReviewAsync(ContentItem latest, bool same, ContentUpsert upsert, CancellationToken cancellationToken)
    {
        if (same && latest.State is ContentState.Submitted or ContentState.Approved or ContentState.Scheduled or ContentState.Published)
        {
            return new(UpsertOutcome.Unchanged, latest.ContentItemId);
        }

        if (latest.State is ContentState.Approved or ContentState.Scheduled)
        {
            // Editors have taken it on: a new text goes back to them as a new submission.
            latest.ScheduledUtc = null;
            latest = await MoveAsync(latest, upsert.Actor, "Returned", ContentState.Draft, upsert.Reason, cancellationToken);
        }

        if (!same)
        {
            latest = await SaveCoreAsync(latest, upsert.Draft with { Slug = latest.Slug }, upsert.Actor, cancellationToken);
        }

        if (latest.State != ContentState.Submitted)
        {
            await MoveAsync(latest, upsert.Actor, "Submitted", ContentState.Submitted, upsert.Reason, cancellationToken);
        }

        return new(UpsertOutcome.Updated, latest.ContentItemId);
    }
}
