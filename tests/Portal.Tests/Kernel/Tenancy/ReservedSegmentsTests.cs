using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Tenancy;

/// <summary>
/// A site's prefix must never hide a page of the platform: every literal first segment of every
/// mapped route is reserved — by the module that maps it, or by the kernel for its own and the host's.
/// </summary>
public sealed class ReservedSegmentsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public void Every_first_literal_segment_of_every_route_is_reserved_by_its_module_or_the_kernel()
    {
        var catalog = fixture.Factory.Service<ModuleCatalog>();
        var byFeature = catalog.Startups.ToDictionary(s => s.FeatureId, s => s.ReservedSegments.ToHashSet(StringComparer.OrdinalIgnoreCase));
        var endpoints = fixture.Factory.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        var problems = new List<string>();
        var checkedSegments = 0;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.RoutePattern.PathSegments is not [var first, ..] || first.Parts is not [RoutePatternLiteralPart literal])
            {
                continue;
            }

            checkedSegments++;
            var segment = literal.Content;
            var feature = endpoint.Metadata.GetMetadata<FeatureMetadata>()?.FeatureId;
            var declared = TenantNames.KernelReserved.Contains(segment)
                || (feature is not null && byFeature.TryGetValue(feature, out var own) && own.Contains(segment));
            if (!declared)
            {
                problems.Add($"/{endpoint.RoutePattern.RawText} ({feature ?? "host"}): '{segment}' is not reserved by {(feature is null ? "the kernel" : "its module or the kernel")}");
            }

            if (!catalog.ReservedSegments.Contains(segment))
            {
                problems.Add($"/{endpoint.RoutePattern.RawText}: '{segment}' is missing from the union the prefix check uses");
            }
        }

        Assert.True(checkedSegments > 20, $"only {checkedSegments} routes found: the endpoint table was not read");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public async Task A_site_cannot_take_the_tag_pages_segment_as_its_prefix()
    {
        var refused = await Assert.ThrowsAsync<TenantValidationException>(() => fixture.Factory.ProvisionAsync("xa-the", prefix: "the"));

        Assert.Contains("reserved", refused.Errors["prefix"], StringComparison.Ordinal);
    }
}
