using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Api",
    Name = "API và mã truy cập",
    Description = "OAuth 2.0 client-credentials tokens (OpenIddict) for other systems: per-site API clients with scopes, /connect/token on every site, token validation for the HTTP API, and the admin page and CLI that manage the clients.",
    AlwaysEnabled = true)]
