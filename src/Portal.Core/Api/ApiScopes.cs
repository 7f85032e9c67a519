namespace Portal.Core.Api;

/// <summary>
/// The OAuth 2.0 scopes of the HTTP API (docs/contracts.md). Each is granted per client; a token
/// carries only the scopes its client holds and asked for, and an endpoint names the one it needs.
/// </summary>
public static class ApiScopes
{
    public const string ContentRead = "content.read";
    public const string ContentWrite = "content.write";
    public const string Tenants = "tenants";
    public const string QuestionsSubmit = "questions.submit";
    public const string Search = "search";

    public static IReadOnlyList<string> All { get; } = [ContentRead, ContentWrite, Tenants, QuestionsSubmit, Search];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
