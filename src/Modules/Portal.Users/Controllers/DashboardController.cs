using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;

namespace Portal.Users.Controllers;

/// <summary>The admin home of a site: what the signed-in person may do here.</summary>
[Area("Users")]
[Route("admin")]
[RequirePermission("AccessAdmin")]
public sealed class DashboardController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
