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
    public IReadOnlyCollection<string> ContentTypes => [PageContent.ContentType];

    public string? FeatureId => PageContent.FeatureId;

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var row = await db.RowForAsync<PublishedPage>(version, cancellationToken);
        row.Culture = version.Culture;
        row.Title = version.Title;
        row.Body = PageContent.Read(version.Data).Body;
        row.UpdatedUtc = version.ModifiedUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) =>
        db.RemoveRowAsync<PublishedPage>(item, cancellationToken);
}
