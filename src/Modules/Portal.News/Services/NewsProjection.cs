using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>Keeps the published-articles table in step with the content lifecycle.</summary>
internal sealed class NewsProjection(PortalDbContext db) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [NewsFields.ContentType];

    public string? FeatureId => "Portal.News";

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = NewsFields.Read(version.Data);
        var row = await db.RowForAsync<PublishedArticle>(version, cancellationToken);
        row.Culture = version.Culture;
        row.Title = version.Title;
        row.Summary = fields.Summary.Length > 2000 ? fields.Summary[..2000] : fields.Summary;
        row.Category = fields.Category;
        row.FeaturedImage = fields.FeaturedImage;
        row.FeaturedImageAlt = fields.FeaturedImageAlt;
        row.Featured = fields.Featured;
        row.PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc;
        await RecordRoyaltyAsync(version, fields, row.PublishedUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The first publication of an article with a royalty class earns its author that class's
    /// current rate; later edits and republications change nothing already earned.
    /// </summary>
    private async Task RecordRoyaltyAsync(ContentItem version, NewsArticleFields fields, DateTime publishedUtc, CancellationToken cancellationToken)
    {
        if (fields.RoyaltyClass.Length == 0 || await db.Set<RoyaltyEntry>().AnyAsync(r => r.ContentItemId == version.ContentItemId, cancellationToken))
        {
            return;
        }

        var rate = await db.Set<RoyaltyRate>().FirstOrDefaultAsync(r => r.Class == fields.RoyaltyClass, cancellationToken);
        db.Add(new RoyaltyEntry
        {
            ContentItemId = version.ContentItemId,
            Title = version.Title.Length > 500 ? version.Title[..500] : version.Title,
            Author = fields.Author.Length > 0 ? fields.Author : version.AuthorName,
            Class = fields.RoyaltyClass,
            Amount = rate?.Amount ?? 0,
            PublishedUtc = publishedUtc,
        });
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        await db.RemoveRowAsync<PublishedArticle>(item, cancellationToken);
    }
}
