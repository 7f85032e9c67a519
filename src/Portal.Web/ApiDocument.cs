using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Core.Api;

namespace Portal.Web;

/// <summary>
/// <c>/openapi/v1.json</c>: the HTTP API only (controllers marked <c>[ApiController]</c>), with the
/// OAuth 2.0 client-credentials scheme and, on each operation, the scope its
/// <see cref="RequireScopeAttribute"/> names — generated from the endpoints themselves, so the
/// document cannot drift from what the server enforces.
/// </summary>
internal static class ApiDocument
{
    public const string SchemeName = "oauth2";

    private static readonly Dictionary<string, string> ScopeDescriptions = new()
    {
        [ApiScopes.ContentRead] = "Đọc nội dung đã xuất bản (read published content)",
        [ApiScopes.ContentWrite] = "Ghi nội dung qua quy trình biên tập (write content through the editorial workflow)",
        [ApiScopes.Tenants] = "Quản lý trang thành phần (list and provision sites)",
        [ApiScopes.QuestionsSubmit] = "Gửi câu hỏi của công dân (submit citizens' questions)",
        [ApiScopes.Search] = "Tìm kiếm (search)",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description =>
            description.ActionDescriptor.EndpointMetadata.OfType<ApiControllerAttribute>().Any();
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Portal.Orchard API";
            document.Info.Description = "Tokens: POST {site}/connect/token (client_credentials). Errors: RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2.0 client credentials, from the site's own /connect/token (under its prefix or host).",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = ApiScopes.All.ToDictionary(scope => scope, scope => ScopeDescriptions.GetValueOrDefault(scope, scope)),
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequireScopeAttribute>().Select(a => a.Scope).Distinct().ToList();
            if (scopes.Count > 0)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = scopes,
                });
            }

            return Task.CompletedTask;
        });

        // An action that reads its JSON body itself (to answer every malformed body with its own
        // field errors) names the body's type in [Consumes(typeof(T), ...)]: documented as its body.
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (operation.RequestBody is null
                && context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault(a => a.RequestType is not null) is { } accepts)
            {
                var schema = await context.GetOrCreateSchemaAsync(accepts.RequestType!, null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = !accepts.IsOptional,
                    Content = accepts.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
                };
            }
        });
    }
}
