using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Caching;

/// <summary>
/// Output caching of anonymous public pages (actions marked <c>[OutputCache(PolicyName = PublicPageCachePolicy.Name)]</c>):
/// GET/HEAD without a sign-in, keyed by host, tenant prefix, path and query, tagged with the
/// tenant so that any write to the tenant's content evicts its pages at once.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public";

    public static string TenantTag(int tenantId) => "tenant:" + tenantId;

    /// <summary>Carried by the pages of every site below <paramref name="ancestorId"/>, so content shared downwards evicts them all at once.</summary>
    public static string BelowTag(int ancestorId) => "below:" + ancestorId;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        var anonymous = http.User.Identity?.IsAuthenticated != true && !http.Request.Cookies.ContainsKey(AuthCookie.Name);
        var cacheable = anonymous && tenant.IsResolved && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.QueryKeys = "*";
        if (tenant.IsResolved)
        {
            context.Tags.Add(TenantTag(tenant.TenantId));
            foreach (var ancestor in http.RequestServices.GetRequiredService<TenantCatalog>().Ancestors(tenant.Tenant))
            {
                context.Tags.Add(BelowTag(ancestor.Id));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete, cookie-free pages: never an error page, never a response carrying a
        // session or antiforgery cookie meant for one visitor.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
