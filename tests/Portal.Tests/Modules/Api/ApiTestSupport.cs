using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Api.Services;
using Portal.Core;
using Portal.Core.Api;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Api;

/// <summary>
/// A protected endpoint for the token tests only (the real API endpoints come with the content API):
/// it needs scope <c>content.read</c> and answers who called.
/// </summary>
[ApiController]
[Route("api/test-probe")]
[RequireScope(ApiScopes.ContentRead)]
public sealed class ScopeProbeController(TenantContext site) : ControllerBase
{
    [HttpGet("")]
    public IActionResult Get() => Ok(new { clientId = ApiCaller.ClientId(User), tokenSite = ApiCaller.Site(User), site = site.Tenant.Name });
}

public static class ApiHost
{
    /// <summary>The probe controller and the shiftable clock, for a host of the token tests.</summary>
    public static void AddTestServices(IServiceCollection services, ShiftableClock clock)
    {
        services.AddControllers().AddApplicationPart(typeof(ScopeProbeController).Assembly);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
    }

    public static async Task<ApiClientSummary> AddClientAsync(PortalFactory factory, string site, string clientId, string secret, params string[] scopes)
    {
        var tenant = factory.Service<TenantCatalog>().FindByName(site)!;
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().CreateAsync(clientId, secret, scopes, null);
    }

    public static async Task<T> InSiteAsync<T>(PortalFactory factory, string site, Func<ApiClientAdministration, Task<T>> work)
    {
        var tenant = factory.Service<TenantCatalog>().FindByName(site)!;
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<ApiClientAdministration>());
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string prefix, string clientId, string secret, string? scope, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return http.PostAsync($"{prefix}/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<string> TokenAsync(HttpClient http, string prefix, string clientId, string secret, string scope)
    {
        var response = await RequestTokenAsync(http, prefix, clientId, secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> GetWithTokenAsync(HttpClient http, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    public static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
}

/// <summary>One host per provider with the probe endpoint and the shiftable clock.</summary>
public abstract class ApiFixture(DatabaseProvider provider) : PortalFixture(provider)
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => ApiHost.AddTestServices(services, Clock);
}

public sealed class ApiSqliteFixture() : ApiFixture(DatabaseProvider.Sqlite);

public sealed class ApiPostgresFixture() : ApiFixture(DatabaseProvider.Postgres);
