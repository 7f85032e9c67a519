using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>Keeps the published-articles table in step with the content lifecycle.</summary>
internal sealed class NewsProjection(PortalDbContext db) : IContentEventHandler
{
    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        if (version.ContentType != NewsFields.ContentType)
        {
            return;
        }

        var fields = NewsFields.Read(version.Data);
        var row = await db.Set<PublishedArticle>().FirstOrDefaultAsync(a => a.ContentItemId == version.ContentItemId, cancellationToken);
        if (row is null)
        {
            row = new PublishedArticle { ContentItemId = version.ContentItemId };
            db.Add(row);
        }

        row.Culture = version.Culture;
        row.Slug = version.Slug;
        row.Title = version.Title;
        row.Summary = fields.Summary.Length > 2000 ? fields.Summary[..2000] : fields.Summary;
        row.Category = fields.Category;
        row.FeaturedImage = fields.FeaturedImage;
        row.FeaturedImageAlt = fields.FeaturedImageAlt;
        row.Featured = fields.Featured;
        row.PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (item.ContentType == NewsFields.ContentType)
        {
            await db.Set<PublishedArticle>().Where(a => a.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
