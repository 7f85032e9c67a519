using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>What a vote did: counted, or ignored because this visitor had already voted on the answer.</summary>
public sealed record RatingOutcome(bool Counted, int UsefulCount, int NotUsefulCount);

/// <summary>
/// "Câu trả lời này có hữu ích không?": one vote per visitor and published answer, counted on the
/// answer's row and kept per agency. The visitor is an anonymous random id (<see cref="NewVisitorId"/>)
/// carried by a cookie; nothing else about the person is stored.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionRatings(PortalDbContext db, TimeProvider clock)
{
    public const string VisitorCookie = "portal.visitor";

    /// <summary>128 random bits as 32 hex digits.</summary>
    public static string NewVisitorId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A cookie value that can be a visitor id; anything else is replaced by a new id.</summary>
    public static bool IsVisitorId(string? value) =>
        value is { Length: QuestionsPublicModel.VisitorIdLength } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Null when the answer is not published (listed) on this site.</summary>
    internal async Task<RatingOutcome?> RateAsync(string slug, string visitorId, bool useful, CancellationToken cancellationToken)
    {
        var answer = await db.Set<PublishedQuestion>().AsNoTracking().Where(p => p.Slug == slug).OrderBy(p => p.Id)
            .Select(p => new { p.ContentItemId, p.Agency }).FirstOrDefaultAsync(cancellationToken);
        if (answer is null)
        {
            return null;
        }

        var counted = false;
        if (!await db.Set<QuestionRating>().AnyAsync(r => r.ContentItemId == answer.ContentItemId && r.VisitorId == visitorId, cancellationToken))
        {
            try
            {
                counted = await db.InTransactionAsync(async () =>
                {
                    db.Add(new QuestionRating { ContentItemId = answer.ContentItemId, VisitorId = visitorId, Useful = useful, Agency = answer.Agency, AtUtc = clock.GetUtcNow().UtcDateTime });
                    await db.SaveChangesAsync(cancellationToken);
                    await db.Set<PublishedQuestion>().Where(p => p.ContentItemId == answer.ContentItemId).ExecuteUpdateAsync(
                        u => u.SetProperty(p => p.UsefulCount, p => p.UsefulCount + (useful ? 1 : 0)).SetProperty(p => p.NotUsefulCount, p => p.NotUsefulCount + (useful ? 0 : 1)),
                        cancellationToken);
                    return true;
                }, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same visitor's other post won the race on the unique index (its transaction
                // is rolled back): one vote stays.
                counted = false;
            }
        }

        var counts = await db.Set<PublishedQuestion>().AsNoTracking().Where(p => p.ContentItemId == answer.ContentItemId)
            .Select(p => new { p.UsefulCount, p.NotUsefulCount }).FirstAsync(cancellationToken);
        return new RatingOutcome(counted, counts.UsefulCount, counts.NotUsefulCount);
    }
}
