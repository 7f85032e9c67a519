using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Media.Models;
using Portal.Media.Services;
using Portal.Media.ViewModels;

namespace Portal.Media.Controllers;

[Area("Media")]
[Route("admin/media")]
[RequirePermission("ManageMedia")]
public sealed class MediaAdminController(MediaLibrary library) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? kind, int page = 1)
    {
        page = Paging.Clamp(page);
        MediaKind? filter = Enum.TryParse<MediaKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var (items, total) = await library.SearchAsync(q, filter, page, PageSize, HttpContext.RequestAborted);
        return View(new MediaListViewModel { Items = items, Search = q, Kind = filter, Page = page, PageSize = PageSize, Total = total });
    }

    [HttpGet("upload")]
    public IActionResult Upload() => View(new MediaUploadViewModel());

    [HttpPost("upload")]
    [RequestSizeLimit(MediaLimits.RequestMaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLimits.RequestMaxBytes)]
    public async Task<IActionResult> Upload(MediaUploadViewModel model)
    {
        if (model.File is not { } file)
        {
            ModelState.AddModelError(nameof(model.File), "Vui lòng chọn tệp.");
            return View(model);
        }

        await using var content = file.OpenReadStream();
        var (upload, error) = UploadCheck.Check(file.FileName, file.Length, content);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(model.File), error!);
        }
        else if (upload.Format.Kind == MediaKind.Image && string.IsNullOrWhiteSpace(model.AltText))
        {
            ModelState.AddModelError(nameof(model.AltText), "Ảnh cần có mô tả (văn bản thay thế) cho người dùng trình đọc màn hình.");
        }

        if (!ModelState.IsValid || upload is null)
        {
            return View(model);
        }

        var media = await library.AddFileAsync(
            upload, content, file.Length, OriginalName(file), model.AltText?.Trim() ?? "", model.Caption?.Trim() ?? "",
            User.Identity?.Name ?? "", HttpContext.RequestAborted);
        TempData["Message"] = $"Đã tải lên \"{media.OriginalName}\".";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("video")]
    public IActionResult Video() => View(new MediaVideoViewModel());

    [HttpPost("video")]
    public async Task<IActionResult> Video(MediaVideoViewModel model)
    {
        var (url, error) = VideoLinks.Check(model.VideoUrl);
        if (url is null)
        {
            ModelState.AddModelError(nameof(model.VideoUrl), error!);
        }

        if (!ModelState.IsValid || url is null)
        {
            return View(model);
        }

        var media = await library.AddVideoLinkAsync(url, model.Title!.Trim(), model.Caption?.Trim() ?? "", User.Identity?.Name ?? "", HttpContext.RequestAborted);
        TempData["Message"] = $"Đã thêm video \"{media.OriginalName}\".";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var media = await library.FindAsync(id, HttpContext.RequestAborted);
        return media is null ? NotFound() : View(media);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id)
    {
        var media = await library.FindAsync(id, HttpContext.RequestAborted);
        if (media is null)
        {
            return NotFound();
        }

        await library.DeleteAsync(media, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã xóa \"{media.OriginalName}\".";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Only the last path segment (some browsers send a full local path), cut to the column's length.</summary>
    private static string OriginalName(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
        return name.Length <= MediaModel.OriginalNameLength ? name : name[..MediaModel.OriginalNameLength];
    }
}
