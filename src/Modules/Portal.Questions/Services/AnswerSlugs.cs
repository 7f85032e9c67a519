using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;

namespace Portal.Questions.Services;

/// <summary>Addresses of answers: from the question's title, made unique among the site's answers.</summary>
internal static class AnswerSlugs
{
    public static async Task<string> FreeAsync(PortalDbContext db, string wanted, string contentItemId, CancellationToken cancellationToken)
    {
        var stem = Slugs.IsValid(wanted) ? wanted : Slugs.FromTitle(wanted);
        if (stem.Length == 0)
        {
            stem = "cau-hoi";
        }

        stem = stem.Length > 150 ? stem[..150].TrimEnd('-') : stem;
        var slug = stem;
        for (var n = 2; await TakenAsync(db, slug, contentItemId, cancellationToken); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }

    private static Task<bool> TakenAsync(PortalDbContext db, string slug, string contentItemId, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AnyAsync(c => c.ContentType == QuestionContent.ContentType && c.Slug == slug && c.ContentItemId != contentItemId && !c.Deleted, cancellationToken);
}
