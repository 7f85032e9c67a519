using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Search.Controllers;

/// <summary>
/// <c>/admin/search</c>: the site's synonym groups and best bets (applied to the next search, no
/// rebuild), and the queries that found nothing, most frequent first, for the board to act on.
/// </summary>
[Area("Search")]
[Route("admin/search")]
[RequirePermission("ManageSearch")]
public sealed class SearchAdminController(SearchSynonymStore synonyms, SearchBestBetStore bets, SearchMissList misses, SiteSearch search, ISearchRefinements refinements) : Controller
{
    private const int MissPageSize = 50;

    private const int MissesOnIndex = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var ct = HttpContext.RequestAborted;
        var list = await bets.ListAsync(ct);
        var (top, total) = await misses.PageAsync(1, MissesOnIndex, ct);
        return View(new SearchAdminIndexViewModel
        {
            Synonyms = await synonyms.ListAsync(ct),
            BestBets = [.. list.GroupBy(b => b.NormalizedQuery, StringComparer.Ordinal)],
            Showing = bets.Showing(list),
            Misses = top,
            MissTotal = total,
        });
    }

    [HttpGet("synonyms/create")]
    public IActionResult CreateSynonym(string? terms) => View("Synonym", new SearchAdminSynonymForm { Terms = terms });

    [HttpPost("synonyms/create")]
    public Task<IActionResult> CreateSynonym(SearchAdminSynonymForm form) => SaveSynonym(null, form);

    [HttpGet("synonyms/{id:int}")]
    public async Task<IActionResult> EditSynonym(int id)
    {
        var group = await synonyms.FindAsync(id, HttpContext.RequestAborted);
        return group is null ? NotFound() : View("Synonym", new SearchAdminSynonymForm { Id = id, Terms = string.Join('\n', group.Terms) });
    }

    [HttpPost("synonyms/{id:int}")]
    public Task<IActionResult> EditSynonym(int id, SearchAdminSynonymForm form) => SaveSynonym(id, form);

    [HttpPost("synonyms/{id:int}/delete")]
    public async Task<IActionResult> DeleteSynonym(int id)
    {
        if (!await synonyms.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = "Đã xóa nhóm từ đồng nghĩa.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("best-bets/create")]
    public async Task<IActionResult> CreateBestBet(string? query, string? find) =>
        View("BestBet", await BestBetPage(new SearchAdminBestBetForm { Query = query, Find = find ?? query }));

    [HttpPost("best-bets/create")]
    public async Task<IActionResult> CreateBestBet(SearchAdminBestBetForm form)
    {
        if (await bets.AddAsync(form.Query, form.Key, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddModelError(error.Field, error.Message);
            return View("BestBet", await BestBetPage(form));
        }

        TempData["Message"] = $"Đã thêm kết quả ưu tiên cho từ khóa \"{SearchRefinementText.Tidy(form.Query)}\".";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("best-bets/{id:int}/up")]
    public Task<IActionResult> MoveBestBetUp(int id) => MoveBestBet(id, up: true);

    [HttpPost("best-bets/{id:int}/down")]
    public Task<IActionResult> MoveBestBetDown(int id) => MoveBestBet(id, up: false);

    [HttpPost("best-bets/{id:int}/delete")]
    public async Task<IActionResult> DeleteBestBet(int id)
    {
        if (!await bets.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = "Đã xóa kết quả ưu tiên.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("misses")]
    public async Task<IActionResult> Misses(int page = 1)
    {
        page = Paging.Clamp(page);
        var (items, total) = await misses.PageAsync(page, MissPageSize, HttpContext.RequestAborted);
        return View(new SearchAdminMissesViewModel { Items = items, Page = page, Total = total, PageSize = MissPageSize });
    }

    [HttpPost("misses/{id:int}/delete")]
    public async Task<IActionResult> DeleteMiss(int id)
    {
        if (!await misses.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = "Đã bỏ từ khóa khỏi danh sách.";
        return RedirectToAction(nameof(Misses));
    }

    private async Task<IActionResult> SaveSynonym(int? id, SearchAdminSynonymForm form)
    {
        var (group, error) = await synonyms.SaveAsync(id, SearchSynonymRules.Parse(form.Terms), HttpContext.RequestAborted);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(SearchAdminSynonymForm.Terms), error);
            return View("Synonym", new SearchAdminSynonymForm { Id = id, Terms = form.Terms });
        }

        if (group is null)
        {
            return NotFound();
        }

        TempData["Message"] = $"Đã lưu nhóm \"{string.Join(" | ", group.Terms)}\". Tìm kiếm dùng nhóm này ngay, không cần lập lại chỉ mục.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> MoveBestBet(int id, bool up) =>
        await bets.MoveAsync(id, up, HttpContext.RequestAborted) ? RedirectToAction(nameof(Index)) : NotFound();

    /// <summary>The form with what the site's search finds for <see cref="SearchAdminBestBetForm.Find"/> (this site's published items only).</summary>
    private async Task<SearchAdminBestBetViewModel> BestBetPage(SearchAdminBestBetForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Find))
        {
            return new SearchAdminBestBetViewModel { Form = form, Current = await CurrentBets(form.Query) };
        }

        // The editor's search is not a visitor's: it is not counted among the misses.
        (refinements as SearchRefinements)?.StopCountingMisses();
        var results = await search.SearchAsync(new SearchRequest(form.Find) { PageSize = 20 }, HttpContext.RequestAborted);
        return new SearchAdminBestBetViewModel
        {
            Form = form,
            Found = [.. results.Hits.Where(h => bets.ParseKey(h.Key) is not null)],
            Searched = true,
            Current = await CurrentBets(form.Query),
        };
    }

    private async Task<IReadOnlyList<Models.SearchBestBet>> CurrentBets(string? query)
    {
        var normalized = SearchRefinementText.Normalize(query);
        return normalized.Length == 0 ? [] : [.. (await bets.ListAsync(HttpContext.RequestAborted)).Where(b => b.NormalizedQuery == normalized)];
    }
}
