using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>One article of a site below, with the site it belongs to.</summary>
public sealed record DescendantArticle(PublishedArticle Article, Tenant Site);

/// <summary>
/// The latest news of the sites below this one ("Tin từ các đơn vị" on the province and on a
/// district over its communes): read from News' own published projection of those sites only —
/// the sites are named by the tenant tree (running, with News), never by anything in the rows —
/// read-only and untracked. The pages that show it are output-cached and evicted when a site below
/// publishes or takes down an article (<see cref="AncestorNewsEviction"/>).
/// </summary>
[CrossTenant("The province (and a district over its communes) shows the latest published news of the sites below it, each labelled and linked to that site; read-only, from News' own published projection, of the descendant sites only.")]
public sealed class DescendantNews(PortalDbContext db, TenantContext site, TenantCatalog catalog)
{
    /// <summary>How far back the page goes (50 pages of 15): older news is on each site's own pages, and the count stays cheap.</summary>
    public const int MaxItems = 750;

    /// <summary>The sites below this one whose news may be shown, by display name.</summary>
    public IReadOnlyList<Tenant> Sites() =>
        [.. catalog.Descendants(site.Tenant)
            .Where(t => t.State == TenantState.Running && t.HasFeature("Portal.News"))
            .OrderBy(t => t.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];

    /// <summary>Whether this site has sites below it at all (the page exists only where it does).</summary>
    public bool HasSitesBelow() => catalog.Descendants(site.Tenant).Any();

    /// <summary>
    /// The latest published articles of the sites below (or of one of them, <paramref name="only"/>),
    /// newest first, with the number of items there are to page through (at most <see cref="MaxItems"/>).
    /// </summary>
    public async Task<(IReadOnlyList<DescendantArticle> Items, int Total)> LatestAsync(Tenant? only, int page, int pageSize, CancellationToken cancellationToken)
    {
        var sites = Sites();
        if (only is not null)
        {
            sites = [.. sites.Where(t => t.Id == only.Id)];
        }

        if (sites.Count == 0)
        {
            return ([], 0);
        }

        var byId = sites.ToDictionary(t => t.Id);
        var ids = byId.Keys.ToList();
        var query = db.Set<PublishedArticle>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(a => ids.Contains(a.TenantId) && a.Culture == "vi");
        var skip = (page - 1) * pageSize;
        if (skip >= MaxItems)
        {
            return ([], await query.Take(MaxItems).CountAsync(cancellationToken));
        }

        var rows = await query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(Math.Min(pageSize, MaxItems - skip)).ToListAsync(cancellationToken);
        var total = page == 1 && rows.Count < pageSize ? rows.Count : await query.Take(MaxItems).CountAsync(cancellationToken);
        return ([.. rows.Select(a => new DescendantArticle(a, byId[a.TenantId]))], total);
    }
}
