using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Questions.Services;
using Portal.Questions.ViewModels;

namespace Portal.Questions.Controllers;

/// <summary>
/// The published answers: /hoi-dap (filters in the query string, so a search can be bookmarked)
/// and /hoi-dap/{slug}, both output-cached like every public list, so neither varies per visitor.
/// The rating ("Câu trả lời này có hữu ích không?") is a form to /hoi-dap/{slug}/danh-gia: without
/// script it opens a small uncached confirmation page that carries the antiforgery token and posts
/// back, then returns to the answer; questions.js does the same with one fetch and one post.
/// </summary>
[Area("Questions")]
public sealed class AnswersController(QuestionList list, QuestionRatings ratings, IAntiforgery antiforgery) : Controller
{
    private const int PageSize = 15;

    private const string Counted = "da-ghi-nhan";

    private const string AlreadyRated = "da-danh-gia";

    [HttpGet("hoi-dap")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Index(string? q, string? field, string? agency, int page = 1)
    {
        page = Paging.Clamp(page);
        var ct = HttpContext.RequestAborted;
        var tooLong = new[] { q, field, agency }.Any(v => v?.Length > QuestionList.MaxFilterLength);
        var (items, total) = tooLong ? ([], 0) : await list.SearchAsync(new QuestionFilter(q, field, agency), page, PageSize, ct);
        return View(new AnswerListViewModel
        {
            Items = items,
            Total = total,
            Fields = [.. (await list.FieldsAsync(ct)).Select(f => (f, QuestionFields.Label(f))).OrderBy(f => f.Item2, StringComparer.Ordinal)],
            Agencies = await list.AgenciesAsync(ct),
            Search = q,
            Field = field,
            Agency = agency,
            Message = tooLong ? "Không có câu hỏi phù hợp: nội dung tìm kiếm quá dài." : null,
            Page = page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
        });
    }

    [HttpGet("hoi-dap/{slug}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Detail(string slug, [FromQuery(Name = "danh-gia")] string? rated)
    {
        var answer = slug.Length > 200 ? null : await list.FindAsync(slug, HttpContext.RequestAborted);
        if (answer is null)
        {
            return NotFound();
        }

        return View(new AnswerDetailViewModel
        {
            Answer = answer,
            RatingMessage = rated switch
            {
                Counted => "Cảm ơn bạn đã đánh giá câu trả lời.",
                AlreadyRated => "Bạn đã đánh giá câu trả lời này trước đây; mỗi người chỉ đánh giá một lần.",
                _ => null,
            },
        });
    }

    /// <summary>
    /// The confirmation page of a vote (never cached: it carries this visitor's antiforgery token);
    /// asked for JSON (questions.js), just the token.
    /// </summary>
    [HttpGet("hoi-dap/{slug}/danh-gia")]
    public async Task<IActionResult> Rate(string slug, string? y)
    {
        var answer = slug.Length > 200 ? null : await list.FindAsync(slug, HttpContext.RequestAborted);
        if (answer is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (WantsJson())
        {
            return Json(new { token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken });
        }

        return View(new RatingConfirmViewModel { Answer = answer, Useful = Choice(y) });
    }

    /// <summary>One vote per visitor and answer (antiforgery checked by the global filter; rate-limited per address).</summary>
    [HttpPost("hoi-dap/{slug}/danh-gia")]
    [EnableRateLimiting(Startup.RatingRateLimit)]
    public async Task<IActionResult> Rate(string slug, [FromForm] string? y, CancellationToken cancellationToken)
    {
        if (Choice(y) is not { } useful || slug.Length > 200)
        {
            return WantsJson() ? Problem(statusCode: StatusCodes.Status400BadRequest, title: "Hãy chọn Có hoặc Không.") : BadRequest();
        }

        var visitor = Request.Cookies[QuestionRatings.VisitorCookie];
        if (!QuestionRatings.IsVisitorId(visitor))
        {
            visitor = QuestionRatings.NewVisitorId();
            Response.Cookies.Append(QuestionRatings.VisitorCookie, visitor, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
                IsEssential = true,
            });
        }

        var outcome = await ratings.RateAsync(slug, visitor!, useful, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (WantsJson())
        {
            return Json(new
            {
                counted = outcome.Counted,
                useful = outcome.UsefulCount,
                notUseful = outcome.NotUsefulCount,
                message = outcome.Counted ? "Cảm ơn bạn đã đánh giá câu trả lời." : "Bạn đã đánh giá câu trả lời này trước đây; mỗi người chỉ đánh giá một lần.",
            });
        }

        // 303: the browser follows with a GET of the (cacheable) answer page.
        Response.Headers.Location = Url.Content(QuestionAddresses.Answer(slug)) + "?danh-gia=" + (outcome.Counted ? Counted : AlreadyRated) + "#danh-gia";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private static bool? Choice(string? y) => y switch
    {
        "co" => true,
        "khong" => false,
        _ => null,
    };

    private bool WantsJson() => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
