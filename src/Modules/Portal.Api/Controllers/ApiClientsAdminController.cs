using Microsoft.AspNetCore.Mvc;
using Portal.Api.Services;
using Portal.Api.ViewModels;
using Portal.Core.Api;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Api.Controllers;

/// <summary>
/// <c>/admin/api-clients</c>: the site's API clients. A secret is shown once, on the page that
/// answers its creation or rotation (never stored readable, never put in TempData or a redirect).
/// </summary>
[Area("Api")]
[Route("admin/api-clients")]
[RequirePermission("ManageApiClients")]
public sealed class ApiClientsAdminController(ApiClientAdministration clients) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Paging.Clamp(page);
        var (list, total) = await clients.ListAsync(page, PageSize, HttpContext.RequestAborted);
        return View(new ApiClientListViewModel { Clients = list, Page = page, Total = total, PageSize = PageSize, TokenEndpoint = TokenEndpoint() });
    }

    [HttpGet("create")]
    public IActionResult Create() => View(new ApiClientCreateViewModel());

    [HttpPost("create")]
    public async Task<IActionResult> Create(ApiClientCreateViewModel model)
    {
        var secret = ApiClientAdministration.GenerateSecret();
        try
        {
            var client = await clients.CreateAsync(model.ClientId, secret, KnownScopes(model.Scopes), model.DisplayName, HttpContext.RequestAborted);
            return SecretPage(client.ClientId, secret, rotated: false);
        }
        catch (ApiClientException ex)
        {
            ModelState.AddModelError(ex.Field, Vietnamese(ex));
            return View(model);
        }
    }

    [HttpGet("{clientId}")]
    public async Task<IActionResult> Edit(string clientId)
    {
        var client = await clients.FindAsync(clientId, HttpContext.RequestAborted);
        return client is null ? NotFound() : View(new ApiClientEditViewModel { Client = client, Scopes = [.. client.Scopes] });
    }

    [HttpPost("{clientId}/scopes")]
    public async Task<IActionResult> Scopes(string clientId, List<string>? scopes)
    {
        var client = await clients.FindAsync(clientId, HttpContext.RequestAborted);
        if (client is null)
        {
            return NotFound();
        }

        try
        {
            await clients.SetScopesAsync(clientId, KnownScopes(scopes), HttpContext.RequestAborted);
            TempData["Message"] = $"Đã lưu quyền của \"{clientId}\". Mã truy cập mang quyền đã bỏ không còn dùng được.";
            return RedirectToAction(nameof(Edit), new { clientId });
        }
        catch (ApiClientException ex)
        {
            ModelState.AddModelError(nameof(ApiClientEditViewModel.Scopes), Vietnamese(ex));
            return View(nameof(Edit), new ApiClientEditViewModel { Client = client, Scopes = scopes ?? [] });
        }
    }

    [HttpPost("{clientId}/rotate")]
    public async Task<IActionResult> Rotate(string clientId)
    {
        if (await clients.FindAsync(clientId, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var secret = await clients.RotateSecretAsync(clientId, HttpContext.RequestAborted);
        return SecretPage(clientId, secret, rotated: true);
    }

    [HttpPost("{clientId}/revoke")]
    public async Task<IActionResult> Revoke(string clientId)
    {
        if (!await clients.RemoveAsync(clientId, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = $"Đã thu hồi ứng dụng \"{clientId}\": khóa bí mật và mọi mã truy cập của nó không còn dùng được.";
        return RedirectToAction(nameof(Index));
    }

    private ViewResult SecretPage(string clientId, string secret, bool rotated)
    {
        // The secret is in this response only: no cache, no back-button copy.
        Response.Headers.CacheControl = "no-store";
        return View("Secret", new ApiClientSecretViewModel { ClientId = clientId, Secret = secret, TokenEndpoint = TokenEndpoint(), Rotated = rotated });
    }

    private string TokenEndpoint() => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/connect/token";

    /// <summary>Checkbox values other than the known scopes are dropped, not echoed back.</summary>
    private static List<string> KnownScopes(List<string>? scopes) => (scopes ?? []).Where(ApiScopes.IsKnown).Distinct(StringComparer.Ordinal).ToList();

    private static string Vietnamese(ApiClientException ex) => ex.Field switch
    {
        "ClientId" when ex.Message.Contains("already exists", StringComparison.Ordinal) => "Đã có ứng dụng với mã này trên trang.",
        "ClientId" => "Mã ứng dụng gồm 3–64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.",
        "Scopes" => "Chọn ít nhất một quyền.",
        _ => ex.Message,
    };
}
