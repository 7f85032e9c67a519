using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>
/// Keeps the published-pages table in step with the content lifecycle, whoever moves the page:
/// the pages desk, the shared Contents admin (bulk steps, restore, delete), imports, schedules.
/// The output cache is evicted by the kernel's own handler on the same events.
/// </summary>
internal sealed class PageProjection(PortalDbContext db) : IContentEventHandler
{
    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        if (version.ContentType != PageContent.ContentType)
        {
            return;
        }

        var row = await db.Set<PublishedPage>().FirstOrDefaultAsync(p => p.ContentItemId == version.ContentItemId, cancellationToken);
        if (row is null)
        {
            row = new PublishedPage { ContentItemId = version.ContentItemId };
            db.Add(row);
        }

        row.Culture = version.Culture;
        row.Slug = version.Slug;
        row.Title = version.Title;
        row.Body = PageContent.Read(version.Data).Body;
        row.UpdatedUtc = version.ModifiedUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (item.ContentType == PageContent.ContentType)
        {
            await db.Set<PublishedPage>().Where(p => p.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
