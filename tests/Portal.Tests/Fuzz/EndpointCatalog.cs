using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Fuzz;

/// <summary>One route of the application as the fuzzer sees it: its pattern, its methods and the names of the fields it binds.</summary>
internal sealed record FuzzTarget(string Template, RoutePattern Pattern, IReadOnlyList<string> Methods, IReadOnlyList<string> Fields, bool TakesFile)
{
    public bool IsApi => Template.StartsWith("api", StringComparison.OrdinalIgnoreCase) || Template.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The application's own endpoint table (EndpointDataSource): every controller action and every module endpoint.</summary>
internal static class EndpointCatalog
{
    public static IReadOnlyList<FuzzTarget> Read(IServiceProvider services)
    {
        var targets = new List<FuzzTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } m ? m : ["GET"];
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fields = new List<string>();
            var takesFile = false;
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action)
            {
                foreach (var parameter in action.MethodInfo.GetParameters())
                {
                    var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                    if (IsFile(type))
                    {
                        takesFile = true;
                        fields.Add(parameter.Name!);
                    }
                    else if (IsSimple(type) || type.IsArray || type.IsGenericType)
                    {
                        fields.Add(parameter.Name!);
                    }
                    else if (type != typeof(CancellationToken))
                    {
                        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
                        {
                            takesFile |= IsFile(property.PropertyType);
                            fields.Add(property.Name);
                        }
                    }
                }
            }

            if (FormReadBySelf.TryGetValue(endpoint.RoutePattern.RawText ?? "", out var own))
            {
                fields.AddRange(own);
            }

            targets.Add(new FuzzTarget(endpoint.RoutePattern.RawText ?? "/", endpoint.RoutePattern, methods, [.. fields.Where(f => !routeNames.Contains(f)).Distinct()], takesFile));
        }

        return [.. targets.OrderBy(t => t.Template, StringComparer.Ordinal).ThenBy(t => string.Join(",", t.Methods), StringComparer.Ordinal)];
    }

    /// <summary>Endpoints that bind no parameter because a library reads their form (OpenIddict's token request).</summary>
    private static readonly Dictionary<string, string[]> FormReadBySelf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["~/connect/token"] = ["grant_type", "client_id", "client_secret", "scope"],
        ["connect/token"] = ["grant_type", "client_id", "client_secret", "scope"],
    };

    private static bool IsFile(Type type) => typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(type) || typeof(Microsoft.AspNetCore.Http.IFormFileCollection).IsAssignableFrom(type);

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(TimeSpan);
}
