using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>
/// The common columns of a type's published projection (the row its public pages read, kept by
/// its <see cref="IContentEventHandler"/>): one row per published item of the site.
/// </summary>
public abstract class PublishedContentRow : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Slug { get; set; } = "";
}

public static class PublishedContentRows
{
    /// <summary>The item's projection row, added (not yet saved) when the item is published for the first time.</summary>
    public static async Task<T> RowForAsync<T>(this PortalDbContext db, ContentItem version, CancellationToken cancellationToken)
        where T : PublishedContentRow, new()
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(r => r.ContentItemId == version.ContentItemId, cancellationToken);
        if (row is null)
        {
            row = new T { ContentItemId = version.ContentItemId };
            db.Add(row);
        }

        row.Slug = version.Slug;
        return row;
    }

    /// <summary>Removes the item's projection row: it is no longer public.</summary>
    public static Task RemoveRowAsync<T>(this PortalDbContext db, ContentItem item, CancellationToken cancellationToken)
        where T : PublishedContentRow =>
        db.Set<T>().Where(r => r.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
}
