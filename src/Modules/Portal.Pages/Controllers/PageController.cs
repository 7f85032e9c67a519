using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Pages.Services;
using Portal.Pages.ViewModels;

namespace Portal.Pages.Controllers;

[Area("Pages")]
public sealed class PageController : Controller
{
    [HttpGet("trang/{slug}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Show(string slug, [FromServices] PageStore pages)
    {
        var page = await pages.FindPublishedAsync(slug, HttpContext.RequestAborted);
        if (page is null)
        {
            return NotFound();
        }

        return View(new PageDisplayViewModel { Title = page.Title, Body = page.Body, UpdatedUtc = page.UpdatedUtc });
    }
}
