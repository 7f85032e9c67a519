using Microsoft.AspNetCore.Mvc;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Tenants.ViewModels;

namespace Portal.Tenants.Controllers;

/// <summary>The component sites under the current site: list, create, enable, disable, remove.</summary>
[Area("Tenants")]
[Route("admin/tenants")]
[RequirePermission("ManageTenants")]
public sealed class TenantsAdminController(TenantCatalog catalog, TenantManager manager, TenantContext site, RecipeCatalog recipes) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public IActionResult Index(string? q, TenantLevel? level, string? parent, TenantState? state, int page = 1)
    {
        page = Paging.Clamp(page);
        var managed = ManagedSites.Of(catalog, site.Tenant);
        var matches = ManagedSites.Filter(catalog, managed, q, level, parent, state).ToList();
        var rows = matches.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(t => new TenantRow(t.Name, t.DisplayName, t.Level, t.ParentId is int p ? catalog.FindById(p)?.Name : null, t.State, Address(t), t.Id == site.Tenant.Id))
            .ToList();
        return View(new TenantListViewModel { Rows = rows, Search = q, Level = level, Parent = parent, State = state, Page = page, PageSize = PageSize, Total = matches.Count });
    }

    [HttpGet("create")]
    public IActionResult Create() => View(WithRecipes(new TenantCreateViewModel { Parent = site.Tenant.Name, Level = "Commune", Recipe = "commune" }));

    [HttpPost("create")]
    public async Task<IActionResult> Create(TenantCreateViewModel model)
    {
        WithRecipes(model);
        if (model.Parent is { Length: > 0 } parentName && catalog.FindByName(parentName.Trim()) is { } parent
            && !ManagedSites.Of(catalog, site.Tenant).Contains(parent.Id))
        {
            ModelState.AddModelError(nameof(model.Parent), $"Bạn không quản lý trang '{parentName}'.");
            return View(model);
        }

        try
        {
            var tenant = await manager.ProvisionAsync(new TenantRequest
            {
                Name = model.Name,
                DisplayName = model.DisplayName,
                Level = model.Level,
                Parent = model.Parent,
                Recipe = model.Recipe,
                Prefix = string.IsNullOrWhiteSpace(model.Prefix) ? null : model.Prefix,
                Hosts = [.. (model.Hosts ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            }, cancellationToken: HttpContext.RequestAborted);
            TempData["Message"] = $"Đã tạo trang \"{tenant.DisplayName}\" tại {Address(tenant)}.";
            return RedirectToAction(nameof(Index));
        }
        catch (TenantValidationException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError(FieldOf(field), message);
            }

            return View(model);
        }
        catch (RecipeException ex)
        {
            ModelState.AddModelError(nameof(model.Recipe), ex.Message);
            return View(model);
        }
    }

    [HttpGet("{name}/{operation:regex(^(disable|enable|remove)$)}")]
    public IActionResult Confirm(string name, string operation)
    {
        var tenant = Managed(name);
        return tenant is null ? NotFound() : View("Confirm", new TenantConfirmViewModel { Name = tenant.Name, DisplayName = tenant.DisplayName, Action = operation });
    }

    [HttpPost("{name}/{operation:regex(^(disable|enable|remove)$)}")]
    public async Task<IActionResult> Apply(string name, string operation)
    {
        var tenant = Managed(name);
        if (tenant is null || tenant.Id == site.Tenant.Id)
        {
            return NotFound();
        }

        try
        {
            switch (operation)
            {
                case "disable":
                    await manager.DisableAsync(name, HttpContext.RequestAborted);
                    TempData["Message"] = $"Đã tạm ngừng trang \"{tenant.DisplayName}\"; dữ liệu được giữ nguyên.";
                    break;
                case "enable":
                    await manager.EnableAsync(name, HttpContext.RequestAborted);
                    TempData["Message"] = $"Đã kích hoạt lại trang \"{tenant.DisplayName}\".";
                    break;
                default:
                    await manager.RemoveAsync(name, HttpContext.RequestAborted);
                    TempData["Message"] = $"Đã xóa trang \"{tenant.DisplayName}\" và toàn bộ dữ liệu của trang.";
                    break;
            }
        }
        catch (TenantValidationException ex)
        {
            TempData["Error"] = string.Join(" ", ex.Errors.Values);
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>A site under the current one (not the current one itself), or null.</summary>
    private Tenant? Managed(string name) =>
        catalog.FindByName(name) is { } tenant && tenant.Id != site.Tenant.Id && ManagedSites.Of(catalog, site.Tenant).Contains(tenant.Id) ? tenant : null;

    private TenantCreateViewModel WithRecipes(TenantCreateViewModel model)
    {
        model.Recipes = [.. recipes.SetupRecipes().Where(r => r.Name != "province").Select(r => (r.Name, r.DisplayName))];
        return model;
    }

    private static string FieldOf(string field) => field switch
    {
        "name" => nameof(TenantCreateViewModel.Name),
        "displayName" => nameof(TenantCreateViewModel.DisplayName),
        "level" => nameof(TenantCreateViewModel.Level),
        "parent" => nameof(TenantCreateViewModel.Parent),
        "recipe" => nameof(TenantCreateViewModel.Recipe),
        "prefix" => nameof(TenantCreateViewModel.Prefix),
        "hosts" => nameof(TenantCreateViewModel.Hosts),
        _ => string.Empty,
    };

    internal static string Address(Tenant t) =>
        t.Hosts.Count > 0 ? string.Join(", ", t.Hosts.Select(h => t.Prefix.Length > 0 ? $"{h}/{t.Prefix}" : h)) : "/" + t.Prefix;
}
