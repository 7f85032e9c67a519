using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Portal.Api.Models;
using Portal.Api.Services;
using Portal.Core;
using Portal.Core.Api;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Security;

namespace Portal.Api;

internal sealed class Startup : ModuleStartup
{
    public static readonly Permission ManageApiClients = new("ManageApiClients", "Quản lý ứng dụng kết nối API (cấp, đổi khóa, thu hồi)");

    /// <summary>
    /// Every site's tokens carry this issuer. OpenIddict would otherwise take the request's address
    /// with its PathBase (<c>http://host/xa-a/</c>), and a province's token would fail the issuer check
    /// on a commune; which sites accept a token is decided by <see cref="ApiSiteRule"/> instead.
    /// </summary>
    public static readonly Uri Issuer = new("urn:portal-orchard:api");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ApiKeyOptions>();
        services.AddScoped<ApiClientCalls>();
        services.AddSingleton<ValidatedTokens>();
        services.AddScoped<ApiClientAdministration>();

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore()
                    .UseDbContext<PortalDbContext>()
                    .ReplaceDefaultEntities<ApiClient, ApiAuthorization, ApiScope, ApiToken, string>();

                // OpenIddict's entity cache would keep a client found on one site for the next
                // lookup by the same client id, which may come from another site; every lookup must
                // go through the tenant filter of the clients table.
                options.DisableEntityCaching();
            })
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token");
                options.AllowClientCredentialsFlow();
                options.SetIssuer(Issuer);
                options.RegisterScopes([.. ApiScopes.All]);

                // Scopes are checked in TokenController, so that a scope the client lacks is
                // refused as invalid_scope (deny by default), like a scope that does not exist.
                options.IgnoreScopePermissions();

                // Client-credentials access tokens are self-contained (signed and encrypted with
                // the database keys) and there are no refresh tokens or authorizations to revoke:
                // a row per token would be a write per issuance for nothing. Revocation instead
                // works per client, checked on every call (ApiTokenSiteCheck).
                options.DisableTokenStorage();

                options.AddEventHandler(MalformedTokenRequest.Descriptor);
                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // Plain http is how the demo and a site behind a TLS-terminating proxy are reached.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.AddEventHandler(ValidatedTokenLookup.Descriptor);
                options.AddEventHandler(ApiTokenSiteCheck.Descriptor);
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<PortalOptions>>((options, portal) =>
            options.AccessTokenLifetime = TimeSpan.FromMinutes(Math.Clamp(portal.Value.Api.TokenLifetimeMinutes, 1, 24 * 60)));
        services.AddScoped<ApiTokenSiteCheck>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ApiModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageApiClients];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Ứng dụng kết nối API", "~/admin/api-clients", 810, ManageApiClients.Name)];
}
