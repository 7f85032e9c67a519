using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Pages.Services;
using Portal.Pages.ViewModels;

namespace Portal.Pages.Controllers;

/// <summary>
/// The site's home page. A first cut that shows the introduction and the pages; the News module
/// will take the home page over with its blocks.
/// </summary>
[Area("Pages")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Index([FromServices] PageStore pages)
    {
        var intro = await pages.FindPublishedAsync("gioi-thieu", HttpContext.RequestAborted);
        return View(new HomeViewModel
        {
            Introduction = intro is null ? null : new PageDisplayViewModel { Title = intro.Title, Body = intro.Body, UpdatedUtc = intro.UpdatedUtc },
            Pages = await pages.PublishedTitlesAsync(HttpContext.RequestAborted),
        });
    }
}
