using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Contents;

/// <summary>
/// An item another site offers to this one (a commune's article sent up to the province's news
/// desk): the id is derived from the original, so offering twice finds the first copy. The caller
/// has authorized the offer on the offering site; nobody on this site has approved anything yet.
/// </summary>
/// <param name="Reason">Written in this site's audit trail: who offered it from where.</param>
public sealed record ContentOffer(string ContentType, string ContentItemId, ContentDraft Draft, ContentActor Actor, string Reason);

public sealed partial class ContentManager
{
    /// <summary>
    /// Receives an offered item on this site (run in this site's scope): a new item under the
    /// offer's id, submitted for review, so this site's editors see it in their desk and publish it
    /// through their own workflow. Nothing is written when the id is already used here (the item
    /// was offered before, whatever became of it since: an editor's delete or archive stands).
    /// A slug already taken here gets a number.
    /// </summary>
    /// <returns>True when the item was created now; false when it had been offered before.</returns>
    public async Task<bool> ReceiveOfferAsync(ContentOffer offer, CancellationToken cancellationToken = default)
    {
        if (ContentIds.Problem(offer.ContentItemId) is { } problem)
        {
            throw new ContentWorkflowException(problem);
        }

        _ = Definition(offer.ContentType);
        if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == offer.ContentItemId, cancellationToken))
        {
            return false;
        }

        return await InTransactionAsync(
            async () =>
            {
                var draft = offer.Draft with { Slug = await FreeSlugAsync(offer.ContentType, offer.Draft, cancellationToken) };
                var item = await CreateCoreAsync(offer.ContentType, draft, offer.Actor, offer.ContentItemId, cancellationToken);
                await MoveAsync(item, offer.Actor, "Submitted", ContentState.Submitted, offer.Reason, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Writes an entry in this site's audit trail of the item for a step taken elsewhere (offered to another site); the item itself does not change.</summary>
    public async Task NoteAsync(ContentItem item, string action, ContentActor actor, string reason, CancellationToken cancellationToken = default)
    {
        Audit(item, action, item.State, item.State, actor, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> FreeSlugAsync(string contentType, ContentDraft draft, CancellationToken cancellationToken)
    {
        Task<bool> TakenAsync(string slug) => SlugTakenAsync(contentType, draft.Culture, slug, null, cancellationToken);
        if (!await TakenAsync(draft.Slug))
        {
            return draft.Slug;
        }

        var stem = draft.Slug.Length <= 190 ? draft.Slug : draft.Slug[..190];
        for (var n = 2; n < 50; n++)
        {
            if (!await TakenAsync($"{stem}-{n}"))
            {
                return $"{stem}-{n}";
            }
        }

        return $"{stem}-{Guid.NewGuid():N}"[..Math.Min(200, stem.Length + 33)];
    }
}
