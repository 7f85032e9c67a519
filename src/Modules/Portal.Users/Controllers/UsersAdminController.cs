using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Users.Models;
using Portal.Users.Services;
using Portal.Users.ViewModels;

namespace Portal.Users.Controllers;

/// <summary>The site's members and their roles. Logins are shared by the province; roles are per site.</summary>
[Area("Users")]
[Route("admin/users")]
[RequirePermission("ManageUsers")]
public sealed class UsersAdminController(UserManager<PortalUser> users, IRoleGrants roles, IPermissionGrantStore grants, TenantContext site, TimeProvider clock, UserSessions sessions, UserReach reach) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        page = Paging.Clamp(page);
        var (members, total) = await roles.MembersAsync(q, page, PageSize, HttpContext.RequestAborted);
        return View(new UserListViewModel { Members = members, Search = q, Page = page, PageSize = PageSize, Total = total });
    }

    [HttpGet("add")]
    public async Task<IActionResult> Add() => View(new AddMemberViewModel { Roles = await GrantableAsync() });

    [HttpPost("add")]
    public async Task<IActionResult> Add(AddMemberViewModel model)
    {
        model.Roles = await GrantableAsync();
        if (!model.Roles.Contains(model.Role))
        {
            ModelState.AddModelError(nameof(model.Role), "Bạn không thể cấp vai trò này: vai trò không tồn tại hoặc có quyền bạn không có.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByNameAsync(model.UserName.Trim());
        if (user is null)
        {
            if (string.IsNullOrEmpty(model.Password))
            {
                ModelState.AddModelError(nameof(model.Password), "Tài khoản chưa có: nhập mật khẩu để tạo mới.");
                return View(model);
            }

            user = new PortalUser
            {
                UserName = model.UserName.Trim(),
                DisplayName = model.DisplayName?.Trim() is { Length: > 0 } d ? d : model.UserName.Trim(),
                Email = model.Email,
                LockoutEnabled = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, model.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(model.Password) : nameof(model.UserName), error.Description);
                }

                return View(model);
            }
        }

        await roles.GrantAsync(user.Id, model.Role);
        TempData["Message"] = $"Đã cấp vai trò {model.Role} cho {user.UserName}.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Roles the signed-in person may grant or revoke here: never more than they hold themselves.</summary>
    private async Task<IReadOnlyList<string>> GrantableAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var held = await grants.GetGrantedPermissionsAsync(userId, site.Tenant, HttpContext.RequestAborted);
        return await roles.GrantableRolesAsync(held, HttpContext.RequestAborted);
    }

    [HttpGet("{id}/revoke")]
    public async Task<IActionResult> Revoke(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !(await roles.RolesOfAsync(id)).Contains(role) || !(await GrantableAsync()).Contains(role))
        {
            return NotFound();
        }

        return View(new RevokeViewModel { UserId = id, UserName = user.UserName ?? "", Role = role });
    }

    [HttpPost("{id}/revoke")]
    public async Task<IActionResult> RevokeConfirmed(string id, string role)
    {
        if (!(await roles.RolesOfAsync(id)).Contains(role) || !(await GrantableAsync()).Contains(role))
        {
            return NotFound();
        }

        if (role == RoleNames.Administrator && await roles.HoldersAsync(role) <= 1)
        {
            TempData["Message"] = "Không thể thu hồi: đây là quản trị viên cuối cùng của trang.";
            return RedirectToAction(nameof(Index));
        }

        await roles.RevokeAsync(id, role);
        TempData["Message"] = "Đã thu hồi vai trò.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>A member's open sessions, with "sign out everywhere" and lock / unlock.</summary>
    [HttpGet("{id}/sessions")]
    public async Task<IActionResult> Sessions(string id)
    {
        if (await ManageableAsync(id) is not { } user)
        {
            return NotFound();
        }

        return View(new UserSessionsViewModel
        {
            UserId = user.Id,
            UserName = user.UserName ?? "",
            LockedOut = user.LockoutEnd > clock.GetUtcNow(),
            Sessions = await sessions.OpenSessionsAsync(user.Id, HttpContext.RequestAborted),
        });
    }

    [HttpPost("{id}/sessions/end")]
    public async Task<IActionResult> EndSessions(string id)
    {
        if (await ManageableAsync(id) is not { } user)
        {
            return NotFound();
        }

        await sessions.CloseAllAsync(user.Id, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã đăng xuất {user.UserName} khỏi mọi nơi.";
        return RedirectToAction(nameof(Sessions), new { id });
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id)
    {
        if (await ManageableAsync(id) is not { } user || user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return NotFound();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await sessions.CloseAllAsync(user.Id, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã khóa tài khoản {user.UserName} và đăng xuất khỏi mọi nơi.";
        return RedirectToAction(nameof(Sessions), new { id });
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id)
    {
        if (await ManageableAsync(id) is not { } user)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = $"Đã mở khóa tài khoản {user.UserName}.";
        return RedirectToAction(nameof(Sessions), new { id });
    }

    /// <summary>A member of this site whose roles here the signed-in person could grant, and who holds nothing outside this site's subtree.</summary>
    private async Task<PortalUser?> ManageableAsync(string id)
    {
        var held = await roles.RolesOfAsync(id);
        if (held.Count == 0 || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        var grantable = await GrantableAsync();
        return held.All(grantable.Contains) && await reach.IsWithinAsync(id, site.Tenant, HttpContext.RequestAborted) ? user : null;
    }
}
