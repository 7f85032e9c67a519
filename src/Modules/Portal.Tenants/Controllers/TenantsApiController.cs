using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Api;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Tenants.Controllers;

/// <summary>
/// <c>GET/POST /api/tenants</c> on the default site (docs/contracts.md). Signed-in administrators with
/// ManageTenants use it from the admin, other systems with a bearer token holding scope <c>tenants</c>
/// issued by the default site.
/// JSON only: a cross-site form cannot send <c>application/json</c>, which is what keeps this
/// cookie-authenticated endpoint safe without an antiforgery token.
/// </summary>
[ApiController]
[Route("api/tenants")]
[RequirePermissionOrScope("ManageTenants", ApiScopes.Tenants)]
[IgnoreAntiforgeryToken]
public sealed class TenantsApiController(TenantCatalog catalog, TenantManager manager, TenantContext site) : ControllerBase
{
    private const int PageSize = 100;

    [HttpGet("")]
    public IActionResult List(string? q, TenantLevel? level, string? parent, int page = 1)
    {
        if (!site.Tenant.IsDefault)
        {
            return NotFound();
        }

        page = Paging.Clamp(page);
        var matches = ManagedSites.Filter(catalog, ManagedSites.Of(catalog, site.Tenant), q, level, parent, null).ToList();
        return Ok(new
        {
            total = matches.Count,
            page,
            pageSize = PageSize,
            items = matches.Skip((page - 1) * PageSize).Take(PageSize).Select(Describe),
        });
    }

    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Provision(TenantApiRequest request)
    {
        if (!site.Tenant.IsDefault)
        {
            return NotFound();
        }

        try
        {
            var tenant = await manager.ProvisionAsync(new TenantRequest
            {
                Name = request.Name,
                DisplayName = request.DisplayName,
                Level = request.Level,
                Parent = request.Parent ?? Tenant.DefaultName,
                Recipe = request.Recipe,
                Prefix = request.Prefix,
                Hosts = request.Hosts ?? [],
            }, cancellationToken: HttpContext.RequestAborted);
            return Created($"{Request.PathBase}/api/tenants/{tenant.Name}", Describe(tenant));
        }
        catch (TenantValidationException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            return ValidationProblem(ModelState);
        }
        catch (RecipeException ex)
        {
            ModelState.AddModelError("recipe", ex.Message);
            return ValidationProblem(ModelState);
        }
    }

    [HttpGet("{name}")]
    public IActionResult Get(string name) =>
        site.Tenant.IsDefault && catalog.FindByName(name) is { } tenant ? Ok(Describe(tenant)) : NotFound();

    private object Describe(Tenant t) => new
    {
        name = t.Name,
        displayName = t.DisplayName,
        level = t.Level.ToString(),
        parent = t.ParentId is int p ? catalog.FindById(p)?.Name : null,
        state = t.State.ToString(),
        prefix = t.Prefix,
        hosts = t.Hosts,
        features = t.Features,
    };
}

/// <summary>The body of <c>POST /api/tenants</c>.</summary>
public sealed class TenantApiRequest
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Level { get; set; }

    public string? Parent { get; set; }

    public string? Recipe { get; set; }

    public string? Prefix { get; set; }

    public List<string>? Hosts { get; set; }
}
