using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Taxonomies.Services;
using Portal.Taxonomies.ViewModels;

namespace Portal.Taxonomies.Controllers;

/// <summary>The public tag page: every published item of the site carrying a tag, newest first.</summary>
[Area("Taxonomies")]
public sealed class TagsController(TermQueries terms) : Controller
{
    private const int PageSize = 20;

    [HttpGet("the/{slug}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Show(string slug, int page = 1)
    {
        page = Paging.Clamp(page);
        var term = await terms.FindAsync(Vocabularies.Tags, slug, HttpContext.RequestAborted);
        if (term is null)
        {
            return NotFound();
        }

        if (term.MergedInto is { } target)
        {
            return RedirectPermanent(Url.Content($"~/the/{target}"));
        }

        var (items, total) = await terms.ItemsAsync(Vocabularies.Tags, slug, page, PageSize, HttpContext.RequestAborted);
        return View(new TagPageViewModel { Term = term, Items = items, Page = page, PageCount = Math.Max(1, (total + PageSize - 1) / PageSize), Total = total });
    }
}
