using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// axe-core (installed from npm at build time, copied next to the test assembly) run in the page
/// against WCAG 2.0/2.1 A and AA.
/// </summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>The violations of impact serious or critical, one line each; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) =>
        await ViolationsAsync(page, "serious", "critical");

    /// <summary>The violations of the given impacts (minor, moderate, serious, critical), one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, params string[] impacts)
    {
        if (!File.Exists(ScriptPath))
        {
            throw new FileNotFoundException("axe-core was not copied by the build (Portal.Tests.csproj, target CopyAxeCore).", ScriptPath);
        }

        // Evaluated through the DevTools protocol, like a console command: the pages' CSP refuses
        // inline scripts, which is what AddScriptTag would add.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = await File.ReadAllTextAsync(ScriptPath) });
        await cdp.DetachAsync();
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa'] })");

        var lines = new List<string>();
        foreach (var violation in result.GetProperty("violations").EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (!impacts.Contains(impact))
            {
                continue;
            }

            var nodes = violation.GetProperty("nodes");
            var target = nodes.GetArrayLength() > 0 ? nodes[0].GetProperty("target").ToString() : "";
            var line = new StringBuilder()
                .Append(violation.GetProperty("id").GetString()).Append(" (").Append(impact).Append("): ")
                .Append(violation.GetProperty("help").GetString())
                .Append(" — ").Append(nodes.GetArrayLength()).Append(" element(s), first ").Append(target);
            if (nodes.GetArrayLength() > 0 && nodes[0].TryGetProperty("failureSummary", out var summary))
            {
                line.Append(" — ").Append(summary.GetString()?.ReplaceLineEndings(" "));
            }

            lines.Add(line.ToString());
        }

        return lines;
    }
}
