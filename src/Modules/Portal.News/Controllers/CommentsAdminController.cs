using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.News.Models;
using Portal.News.Services;
using Portal.News.ViewModels;

namespace Portal.News.Controllers;

/// <summary>Moderation of readers' comments: approve, reject or delete.</summary>
[Area("News")]
[Route("admin/news/comments")]
[RequirePermission("ModerateComments")]
public sealed class CommentsAdminController(CommentStore comments) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CommentStatus status = CommentStatus.Pending, int page = 1)
    {
        page = Paging.Clamp(page);
        var (items, total) = await comments.ByStatusAsync(status, page, 20, HttpContext.RequestAborted);
        return View(new CommentModerationViewModel { Items = items, Status = status, Page = page, Total = total });
    }

    [HttpPost("{id:int}/{decision:regex(^(approve|reject|delete)$)}")]
    public async Task<IActionResult> Moderate(int id, string decision, CommentStatus status = CommentStatus.Pending)
    {
        var done = await comments.ModerateAsync(id, decision switch
        {
            "approve" => CommentStatus.Approved,
            "reject" => CommentStatus.Rejected,
            _ => null,
        }, HttpContext.RequestAborted);
        if (!done)
        {
            return NotFound();
        }

        TempData["Message"] = decision switch { "approve" => "Đã duyệt ý kiến.", "reject" => "Đã từ chối ý kiến.", _ => "Đã xóa ý kiến." };
        return RedirectToAction(nameof(Index), new { status });
    }
}
