using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Tests.Modules.Search;

/// <summary>Asks a site's GET /api/search until an answer satisfies the test (the index is written by each node's indexer, a moment after the commit).</summary>
public static class SearchProbe
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<JsonObject> SearchAsync(HttpClient client, string prefix, string query, string extra = "")
    {
        var response = await client.GetAsync($"{prefix}/api/search?q={Uri.EscapeDataString(query)}{extra}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Searches until <paramref name="until"/> holds for the answer (bounded); returns the last answer either way.</summary>
    public static async Task<JsonObject> UntilAsync(HttpClient client, string prefix, string query, Func<JsonObject, bool> until, string extra = "")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await SearchAsync(client, prefix, query, extra);
            if (until(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }

    public static IReadOnlyList<string> Titles(JsonObject answer) =>
        [.. answer["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>())];

    public static IReadOnlyList<string> Sites(JsonObject answer) =>
        [.. answer["results"]!.AsArray().Select(r => r!["site"]!["name"]!.GetValue<string>())];

    public static int Total(JsonObject answer) => answer["total"]!.GetValue<int>();

    public static string Describe(JsonObject answer) => answer.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
