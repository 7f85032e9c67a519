using Lucene.Net.Search;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>
/// The only way a search leaves its site: the filter for this site and every running site below it
/// (<c>scope=all</c>, the province's "whole province" search), named by the tenant tree. A commune
/// asks for it only when its visitor does.
/// </summary>
[CrossTenant("A site with sites below it (the province, a district) searches its own documents and those of every running site below it, each result labelled with its site; the sites are named by the tenant tree, read-only, from the installation's index.")]
public sealed class ProvinceWideSearch(TenantCatalog catalog)
{
    /// <summary>Whether there is anything below <paramref name="site"/> to search.</summary>
    public bool HasSitesBelow(Tenant site) => catalog.Descendants(site).Any();

    /// <summary>Documents of <paramref name="site"/> and of its running descendants.</summary>
    public Query Filter(Tenant site)
    {
        var filter = new BooleanQuery { { new TermQuery(SearchDocuments.AncestorTerm(site.Id)), Occur.MUST } };
        foreach (var below in catalog.Descendants(site).Where(t => t.State != TenantState.Running))
        {
            filter.Add(new TermQuery(SearchDocuments.SiteTerm(below.Id)), Occur.MUST_NOT);
        }

        return filter;
    }

    public Tenant? Site(int id) => catalog.FindById(id);
}
