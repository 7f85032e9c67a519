using Microsoft.AspNetCore.Mvc;
using Portal.News.Services;

namespace Portal.News.Controllers;

/// <summary>The home page's "Tin từ các đơn vị": a few of the latest articles of the sites below, on sites that have any.</summary>
public sealed class SitesBelowNewsViewComponent(DescendantNews below) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!below.HasSitesBelow())
        {
            return Content("");
        }

        var (items, _) = await below.LatestAsync(null, 1, 6, HttpContext.RequestAborted);
        return View("~/Areas/News/Views/Shared/Components/SitesBelowNews/Default.cshtml", SitesBelowNewsController.Links(HttpContext, items));
    }
}
