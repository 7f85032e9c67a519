using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// Finds the tenant of a request (host+prefix, host, prefix, default) and, when it came in under a
/// prefix, moves the prefix into PathBase so every route and generated link works under it.
/// Runs before routing.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantCatalog catalog)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        if (tenantContext.IsResolved)
        {
            // A re-executed request (error page) keeps the tenant and PathBase it already has.
            await next(context);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var firstSegment = FirstSegment(path);
        // The host was checked by HostHeaderValidationMiddleware; read it without Request.Host, which throws on bad punycode.
        _ = HostNames.TryNormalize(context.Request.Headers.Host.ToString(), out var host);
        var (tenant, prefix) = catalog.Resolver.Resolve(host, firstSegment);

        if (tenant is null)
        {
            await WritePlainAsync(context, StatusCodes.Status404NotFound, "Không tìm thấy trang thông tin điện tử cho địa chỉ này. (No site answers on this address.)");
            return;
        }

        tenantContext.Set(tenant, prefix);
        if (prefix.Length > 0)
        {
            // "/xa-hong-ha/trang/x" → PathBase "/xa-hong-ha", Path "/trang/x".
            var rest = path.Length > prefix.Length + 1 ? path[(prefix.Length + 1)..] : "/";
            context.Request.PathBase = context.Request.PathBase.Add("/" + path.Substring(1, prefix.Length));
            context.Request.Path = rest;
        }

        var isAdmin = IsAdminPath(context.Request.Path);
        switch (tenant.State)
        {
            case TenantState.Running:
                await next(context);
                return;
            case TenantState.Disabled when !isAdmin:
                await WritePlainAsync(context, StatusCodes.Status404NotFound, "Trang thông tin điện tử này đã ngừng hoạt động. (This site is disabled.)");
                return;
            default:
                context.Response.Headers.RetryAfter = "300";
                await WritePlainAsync(context, StatusCodes.Status503ServiceUnavailable, "Trang thông tin điện tử này đang tạm ngừng hoặc đang được thiết lập. (This site is unavailable.)");
                return;
        }
    }

    internal static bool IsAdminPath(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    internal static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase);

    internal static string FirstSegment(string path)
    {
        var start = path.StartsWith('/') ? 1 : 0;
        var end = path.IndexOf('/', start);
        return end < 0 ? path[start..] : path[start..end];
    }

    private static Task WritePlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
