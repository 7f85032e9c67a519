using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Hosting;

/// <summary>
/// <c>/openapi/v1.json</c> (issue #11 item 5): a well-formed OpenAPI 3 document with the OAuth 2.0
/// client-credentials scheme and its scopes, listing every mapped <c>/api</c> route, each operation
/// that needs a token naming its scheme and scope.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_document_describes_every_api_route_with_its_security()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("info").GetProperty("title").GetString()));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var flow = scheme.GetProperty("flows").GetProperty("clientCredentials");
        Assert.EndsWith("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.Equal(
            ["content.read", "content.write", "questions.submit", "search", "tenants"],
            flow.GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order());

        var paths = root.GetProperty("paths");
        var documented = paths.EnumerateObject().Select(p => p.Name).ToHashSet();
        var mapped = fixture.Factory.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith("/api/", StringComparison.Ordinal))
            .Select(path => System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:=?]+)[^}]*\}", "{$1}"))
            .ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.All(documented, path => Assert.StartsWith("/api/", path));

        // Every operation of the content API names the scheme and the scope it needs.
        foreach (var (path, method, scope) in new[] { ("/api/content/{type}", "get", "content.read"), ("/api/content/{type}/{id}", "put", "content.write") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
            Assert.Equal([scope], requirement.GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()));
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        }
    }
}
