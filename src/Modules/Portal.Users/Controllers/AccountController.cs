using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Users.Models;
using Portal.Users.Services;
using Portal.Users.ViewModels;

namespace Portal.Users.Controllers;

/// <summary>Sign-in and sign-out of the admin, the same login for every site of the province.</summary>
[Area("Users")]
[Route("admin")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserSessions sessions) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.UserName.Trim(), model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : Url.Content("~/admin"));
        }

        // One answer whatever the reason (wrong password, unknown login, locked out), so the page
        // does not tell which logins exist (issue #10, defect 6).
        ModelState.AddModelError(string.Empty, FailedMessage);
        return View(model);
    }

    public const string FailedMessage =
        "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản tạm bị khóa 15 phút.";

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await sessions.CloseAsync(User, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
