using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Api;
using Portal.Search.Services;

namespace Portal.Search.Controllers;

/// <summary>
/// <c>GET /api/search?q=</c>: the search page's results as JSON. Anonymous callers are limited per
/// address with the page; a bearer token needs scope <c>search</c> (and is not limited here).
/// </summary>
[ApiController]
[Route("api/search")]
[IgnoreAntiforgeryToken]
public sealed class SearchApiController(SiteSearch search) : ControllerBase
{
    /// <summary>
    /// Searches this site (or with <c>scope=all</c> this site and every site below it): words as
    /// typed (diacritics optional, Telex/VNI understood, document numbers and codes as written),
    /// <c>type</c> (repeatable), <c>from</c>/<c>to</c> (yyyy-MM-dd or dd/MM/yyyy), <c>page</c>,
    /// <c>pageSize</c> (≤ 50), <c>sort=date</c>.
    /// </summary>
    [HttpGet("")]
    [EnableRateLimiting(Startup.RateLimit)]
    [ProducesResponseType(typeof(SearchApiResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status403Forbidden)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Search(
        [FromQuery] string? q,
        [FromQuery(Name = "type")] string[]? types,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        [FromQuery] string? scope,
        [FromQuery] string? sort)
    {
        if (Request.Headers.Authorization.Count > 0)
        {
            var authentication = await HttpContext.AuthenticateAsync(ApiAuthentication.Scheme);
            if (!authentication.Succeeded)
            {
                return Challenge(ApiAuthentication.Scheme);
            }

            if (!ApiCaller.HasScope(authentication.Principal, ApiScopes.Search))
            {
                return Forbid(ApiAuthentication.Scheme);
            }
        }

        var (request, errors) = SearchForm.Read(q, types, from, to, SearchForm.Page(page), scope, sort, search.CanSearchBelow);
        var size = SearchForm.Page(pageSize) ?? SiteSearch.DefaultPageSize;
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = "Hãy cho biết cần tìm gì (q).";
        }

        if (size > SiteSearch.MaxPageSize)
        {
            errors["pageSize"] = $"pageSize is at most {SiteSearch.MaxPageSize}.";
        }

        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value })) { Title = "Yêu cầu tìm kiếm không hợp lệ (invalid search request)." });
        }

        var results = await search.SearchAsync(request with { PageSize = size }, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return Ok(new SearchApiResponse(
            q!,
            results.Total,
            results.Page,
            results.PageSize,
            results.DidYouMean,
            results.Notice,
            results.Truncated,
            [.. results.Hits.Select(h => new SearchApiHit(
                h.Title.Text,
                h.Title.Html,
                h.Snippet.Text,
                h.Snippet.Html,
                SearchLinks.Absolute(HttpContext, h),
                h.ContentType,
                h.TypeName,
                new SearchApiSite(h.Site.Name, h.Site.DisplayName),
                h.DateUtc,
                h.BestBet))]));
    }
}

/// <param name="Query">The query as sent.</param>
/// <param name="Total">Results in all (at most 1,000 are reachable by paging).</param>
/// <param name="DidYouMean">A query that finds something when this one found nothing because of a typo.</param>
/// <param name="Notice">Why nothing was searched for (no word left, the index still being built).</param>
/// <param name="Truncated">The query was longer than 256 characters and only its start was used.</param>
public sealed record SearchApiResponse(string Query, int Total, int Page, int PageSize, string? DidYouMean, string? Notice, bool Truncated, IReadOnlyList<SearchApiHit> Results);

/// <param name="TitleHtml">The title with the matched words in <c>&lt;mark&gt;</c>, HTML-encoded otherwise.</param>
/// <param name="SnippetHtml">The snippet likewise.</param>
/// <param name="Url">The result's absolute address, on its own site.</param>
public sealed record SearchApiHit(string Title, string TitleHtml, string Snippet, string SnippetHtml, string Url, string Type, string TypeName, SearchApiSite Site, DateTime Date, bool BestBet);

/// <param name="Name">The site's name (slug); <paramref name="DisplayName"/> what citizens call it.</param>
public sealed record SearchApiSite(string Name, string DisplayName);
