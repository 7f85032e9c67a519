using Microsoft.AspNetCore.Http;
using Portal.Core.Modules;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// After routing: an endpoint of a feature the tenant has not enabled is treated as absent (404),
/// so a commune without Q&amp;A has no Q&amp;A URLs at all.
/// </summary>
internal sealed class FeatureGateMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        var feature = context.GetEndpoint()?.Metadata.GetMetadata<FeatureMetadata>();
        if (feature is not null && !tenant.Tenant.HasFeature(feature.FeatureId))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
