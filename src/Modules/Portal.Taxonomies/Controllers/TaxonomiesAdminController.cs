using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;
using Portal.Taxonomies.ViewModels;

namespace Portal.Taxonomies.Controllers;

/// <summary>
/// The editors' tag list: search, rename, merge one tag into another, delete. Items keep the words
/// they were written with; a merged word keeps filing under the tag it was merged into.
/// </summary>
[Area("Taxonomies")]
[Route("admin/taxonomies")]
[RequirePermission("ManageTaxonomies")]
public sealed class TaxonomiesAdminController(TermQueries terms, PortalDbContext db, ITenantCacheInvalidator cache) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        page = Paging.Clamp(page);
        var (list, total) = await terms.SearchAsync(Vocabularies.Tags, q, page, PageSize, HttpContext.RequestAborted);
        return View(new TermListViewModel { Terms = list, Search = q, Page = page, Total = total, PageSize = PageSize });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var term = await terms.FindAsync(id, HttpContext.RequestAborted);
        if (term is null || term.MergedInto is not null)
        {
            return NotFound();
        }

        var (_, count) = await terms.ItemsAsync(term.Vocabulary, term.Slug, 1, 1, HttpContext.RequestAborted);
        return View(new TermEditViewModel { Id = term.Id, Slug = term.Slug, Name = term.Name, Items = count });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, TermEditViewModel model)
    {
        var term = await terms.FindAsync(id, HttpContext.RequestAborted);
        if (term is null || term.MergedInto is not null)
        {
            return NotFound();
        }

        var target = string.IsNullOrWhiteSpace(model.MergeInto) ? null : await terms.FindAsync(term.Vocabulary, model.MergeInto.Trim(), HttpContext.RequestAborted);
        if (!string.IsNullOrWhiteSpace(model.MergeInto) && (target is null || target.Id == term.Id || target.MergedInto is not null))
        {
            ModelState.AddModelError(nameof(model.MergeInto), "Không có thẻ đích với đường dẫn này (hoặc là chính thẻ này).");
        }

        if (!ModelState.IsValid)
        {
            model.Slug = term.Slug;
            return View(model);
        }

        var ct = HttpContext.RequestAborted;

        // A merge moves rows in three statements: all or none, or items would be lost between tags.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (target is not null)
        {
            // Everything filed under this tag moves to the target; the word stays an alias of it.
            await db.Set<TermAssignment>().Where(a => a.Vocabulary == term.Vocabulary && a.TermSlug == term.Slug)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.TermSlug, target.Slug), ct);
            await db.Set<Term>().Where(t => t.Vocabulary == term.Vocabulary && t.MergedInto == term.Slug)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.MergedInto, target.Slug), ct);
            term.MergedInto = target.Slug;
            TempData["Message"] = $"Đã gộp thẻ \"{term.Name}\" vào \"{target.Name}\".";
        }
        else
        {
            term.Name = model.Name.Trim();
            term.Folded = TextFolding.Fold(term.Name);
            TempData["Message"] = "Đã lưu tên thẻ.";
        }

        await db.SaveChangesAsync(ct);
        await RemoveDuplicateAssignmentsAsync(target?.Slug, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate(term.TenantId);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var term = await terms.FindAsync(id, HttpContext.RequestAborted);
        if (term is null)
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<TermAssignment>().Where(a => a.Vocabulary == term.Vocabulary && a.TermSlug == term.Slug).ExecuteDeleteAsync(ct);
        await db.Set<Term>().Where(t => t.Vocabulary == term.Vocabulary && t.MergedInto == term.Slug).ExecuteDeleteAsync(ct);
        db.Remove(term);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate(term.TenantId);
        TempData["Message"] = $"Đã xóa thẻ \"{term.Name}\". Tin bài vẫn giữ từ khóa đã viết; thẻ sẽ có lại khi một tin bài mang từ khóa này được xuất bản lại.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>After a merge an item may carry both words: keep one row per item and term.</summary>
    private async Task RemoveDuplicateAssignmentsAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is null)
        {
            return;
        }

        var rows = await db.Set<TermAssignment>().Where(a => a.Vocabulary == Vocabularies.Tags && a.TermSlug == slug).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var duplicates = rows.GroupBy(a => a.ContentItemId).SelectMany(g => g.Skip(1)).ToList();
        if (duplicates.Count > 0)
        {
            db.RemoveRange(duplicates);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
