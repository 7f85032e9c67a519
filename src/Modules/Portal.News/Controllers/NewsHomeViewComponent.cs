using Microsoft.AspNetCore.Mvc;
using Portal.News.Services;

namespace Portal.News.Controllers;

/// <summary>The home page's news: featured articles, then the latest ones.</summary>
public sealed class NewsHomeViewComponent(NewsQueries news) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var featured = await news.FeaturedAsync(3, HttpContext.RequestAborted);
        var (latest, _) = await news.LatestAsync(null, 1, 8, HttpContext.RequestAborted);
        // Full path: the home page belongs to another module's area, where a bare name would not be found.
        return View("~/Areas/News/Views/Shared/Components/NewsHome/Default.cshtml", (featured, latest.Where(a => featured.All(f => f.Id != a.Id)).Take(6).ToList()));
    }
}
