using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Tenancy;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Search.Controllers;

/// <summary>The public search page <c>/tim-kiem?q=</c> (docs/contracts.md): this site, or with <c>scope=all</c> this site and every site below it.</summary>
[Area("Search")]
public sealed class SearchController(SiteSearch search, TenantContext site) : Controller
{
    [HttpGet("tim-kiem")]
    [EnableRateLimiting(Startup.RateLimit)]
    public async Task<IActionResult> Index(
        [FromQuery] string? q,
        [FromQuery(Name = "type")] string[]? types,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? page,
        [FromQuery] string? scope,
        [FromQuery] string? sort)
    {
        var canSearchBelow = search.CanSearchBelow;
        var (request, errors) = SearchForm.Read(q, types, from, to, SearchForm.Page(page), scope, sort, canSearchBelow);
        var searched = !string.IsNullOrWhiteSpace(q);
        var results = searched ? await search.SearchAsync(request, HttpContext.RequestAborted) : SearchResults.Empty;
        Response.Headers.CacheControl = "no-store";
        return View(new SearchPageViewModel
        {
            Query = q ?? "",
            Types = [.. search.Types().Select(t => (t.Type, t.Name, request.Types.Contains(t.Type)))],
            From = from ?? "",
            To = to ?? "",
            AllSites = request.AllSites,
            CanSearchBelow = canSearchBelow,
            NewestFirst = request.NewestFirst,
            Errors = errors,
            Results = results,
            Searched = searched,
            CurrentSiteId = site.TenantId,
            Href = hit => SearchLinks.Href(HttpContext, site.TenantId, hit),
        });
    }
}
