using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Pages.Models;
using Portal.Pages.Services;
using Portal.Pages.ViewModels;

namespace Portal.Pages.Controllers;

[Area("Pages")]
[Route("admin/pages")]
[RequirePermission("ManagePages")]
public sealed class PagesAdminController(PageStore pages) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        page = Paging.Clamp(page);
        var (items, total) = await pages.SearchAsync(q, page, PageSize, HttpContext.RequestAborted);
        return View(new PageListViewModel { Items = items, Search = q, Page = page, PageSize = PageSize, Total = total });
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new PageEditViewModel());

    [HttpPost("create")]
    public Task<IActionResult> Create(PageEditViewModel model) => SaveAsync(new Page(), model);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var page = await pages.FindAsync(id, HttpContext.RequestAborted);
        if (page is null)
        {
            return NotFound();
        }

        return View(new PageEditViewModel { Id = page.Id, Title = page.Title, Slug = page.Slug, Body = page.Body, Published = page.Published });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, PageEditViewModel model)
    {
        var page = await pages.FindAsync(id, HttpContext.RequestAborted);
        return page is null ? NotFound() : await SaveAsync(page, model);
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var page = await pages.FindAsync(id, HttpContext.RequestAborted);
        return page is null ? NotFound() : View(new PageEditViewModel { Id = page.Id, Title = page.Title, Slug = page.Slug });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id)
    {
        var page = await pages.FindAsync(id, HttpContext.RequestAborted);
        if (page is null)
        {
            return NotFound();
        }

        await pages.DeleteAsync(page, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã xóa trang \"{page.Title}\".";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(Page page, PageEditViewModel model)
    {
        model.Id = page.Id;
        var slug = string.IsNullOrWhiteSpace(model.Slug) ? Slugs.FromTitle(model.Title ?? "") : model.Slug.Trim().ToLowerInvariant();
        if (ModelState.IsValid)
        {
            if (!Slugs.IsValid(slug))
            {
                ModelState.AddModelError(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: co-cau-to-chuc).");
            }
            else if (await pages.SlugTakenAsync(slug, page.Id, HttpContext.RequestAborted))
            {
                ModelState.AddModelError(nameof(model.Slug), $"Đường dẫn \"{slug}\" đã được dùng cho trang khác.");
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", model);
        }

        page.Title = model.Title!.Trim();
        page.Slug = slug;
        page.Body = model.Body ?? "";
        page.Published = model.Published;
        try
        {
            await pages.SaveAsync(page, HttpContext.RequestAborted);
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(nameof(model.Body), "Nội dung không hợp lệ: " + ex.Message);
            return View("Edit", model);
        }
        TempData["Message"] = $"Đã lưu trang \"{page.Title}\".";
        return RedirectToAction(nameof(Index));
    }
}
