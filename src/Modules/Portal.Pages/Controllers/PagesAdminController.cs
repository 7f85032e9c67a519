using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Pages.Services;
using Portal.Pages.ViewModels;

namespace Portal.Pages.Controllers;

/// <summary>
/// The pages desk at /admin/pages: write and edit pages; like every type's desk (the kernel's
/// <see cref="ContentDeskController"/>), its list is the shared one (/admin/contents?type=page, where
/// /admin/pages leads) and its workflow steps, bulk steps, history, comparing and restoring
/// versions are the kernel's. Works on the site's own pages only (the content manager's tenant
/// filter): another site's id, or an item of another type, is 404.
/// </summary>
[Area("Pages")]
[Route("admin/pages")]
[RequirePermission("ManagePages")]
public sealed class PagesAdminController(ContentManager contents, PageStore pages, PageWriter writer) : ContentDeskController(contents)
{
    protected override string ContentType => PageContent.ContentType;

    protected override string ItemNoun => "trang";

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new PageEditViewModel());

    [HttpPost("create")]
    public async Task<IActionResult> Create(PageEditViewModel model)
    {
        model.Id = null;
        model.Allowed = new HashSet<string>();
        if (!await ValidateAsync(model, null))
        {
            return View("Edit", model);
        }

        return await SaveAsync(model, publish => writer.CreateAsync(Input(model), User, ContentActor.From(HttpContext), publish, HttpContext.RequestAborted));
    }

    // "{id}/edit" is the address the desk had before pages were content items.
    [HttpGet("{id}")]
    [HttpGet("{id}/edit", Order = 1)] // after "{id}" for links
    public async Task<IActionResult> Edit(string id)
    {
        var item = await writer.FindAsync(id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }

        var isPublic = await writer.IsPublicAsync(id, HttpContext.RequestAborted);
        var model = new PageEditViewModel
        {
            Id = item.ContentItemId,
            Title = item.Title,
            Slug = item.Slug,
            Body = PageContent.Read(item.Data).Body,
            Published = item.Published,
        };
        return View(await WithStateAsync(model, item, isPublic));
    }

    [HttpPost("{id}")]
    [HttpPost("{id}/edit", Order = 1)]
    public async Task<IActionResult> Edit(string id, PageEditViewModel model)
    {
        var item = await writer.FindAsync(id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }

        model.Id = id;
        await WithStateAsync(model, item, await writer.IsPublicAsync(id, HttpContext.RequestAborted));
        if (!await ValidateAsync(model, id))
        {
            return View(model);
        }

        return await SaveAsync(model, publish => writer.SaveAsync(item, Input(model), User, ContentActor.From(HttpContext), publish, HttpContext.RequestAborted));
    }

    /// <summary>Asks before deleting: the page names the page and its address and posts to the delete step.</summary>
    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var item = await writer.FindAsync(id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }

        return (await writer.AllowedAsync(User, item, HttpContext.RequestAborted)).Contains("delete")
            ? View(new PageEditViewModel { Id = item.ContentItemId, Title = item.Title, Slug = item.Slug })
            : Forbid();
    }

    /// <summary>Saves through <paramref name="save"/>; a rule the content manager enforces (a slug taken meanwhile) or a body the sanitizer refuses is shown beside its field.</summary>
    private async Task<IActionResult> SaveAsync(PageEditViewModel model, Func<bool, Task> save)
    {
        var publish = model.Published && await writer.MayPublishAsync(User);
        try
        {
            await save(publish);
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(nameof(model.Slug), ex.Message);
            return View("Edit", model);
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(nameof(model.Body), "Nội dung không hợp lệ: " + ex.Message);
            return View("Edit", model);
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }

        // Back to the list, as the desk always did; the page's workflow steps are on its editor.
        TempData["Message"] = publish ? $"Đã lưu trang \"{model.Title.Trim()}\"." : $"Đã lưu trang \"{model.Title.Trim()}\" thành bản nháp.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> ValidateAsync(PageEditViewModel model, string? id)
    {
        var slug = string.IsNullOrWhiteSpace(model.Slug) ? Slugs.FromTitle(model.Title ?? "") : model.Slug.Trim().ToLowerInvariant();
        if (ModelState.IsValid)
        {
            if (!Slugs.IsValid(slug))
            {
                ModelState.AddModelError(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: co-cau-to-chuc).");
            }
            else if (await pages.SlugTakenAsync(slug, id, HttpContext.RequestAborted))
            {
                ModelState.AddModelError(nameof(model.Slug), $"Đường dẫn \"{slug}\" đã được dùng cho trang khác.");
            }
            else
            {
                model.Slug = slug;
            }
        }

        return ModelState.IsValid;
    }

    private static PageInput Input(PageEditViewModel model) => new(model.Title.Trim(), model.Slug!, model.Body);

    private async Task<PageEditViewModel> WithStateAsync(PageEditViewModel model, ContentItem item, bool isPublic)
    {
        model.State = item.State;
        model.Version = item.Version;
        model.IsPublic = isPublic;
        model.Allowed = await writer.AllowedAsync(User, item, HttpContext.RequestAborted);
        return model;
    }
}
