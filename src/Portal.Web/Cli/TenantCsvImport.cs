using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Web.Cli;

/// <summary>
/// <c>tenants provision --csv FILE</c>: one tenant per row (name,displayName,level,prefix,host).
/// Idempotent: a row whose tenant exists is skipped. Bad rows are reported with their line and
/// reason; the good ones are provisioned anyway.
/// </summary>
internal static class TenantCsvImport
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, string path, TextWriter output)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"the CSV file '{path}' does not exist.");
        }

        var rows = ReadRows(path);
        var manager = services.GetRequiredService<TenantManager>();
        var catalog = services.GetRequiredService<TenantCatalog>();
        int created = 0, skipped = 0;
        var failures = new List<string>();
        var progress = new Progress(output, rows.Count, "rows:");
        var timings = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, row) = rows[i];
            if (row.Name is { Length: > 0 } name && catalog.FindByName(name.Trim()) is not null)
            {
                skipped++;
            }
            else
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await manager.ProvisionAsync(new TenantRequest
                    {
                        Name = row.Name,
                        DisplayName = row.DisplayName,
                        Level = row.Level,
                        Parent = arguments.Option("parent"),
                        Recipe = arguments.Option("recipe"),
                        AllowRecipeFile = true,
                        Prefix = string.IsNullOrWhiteSpace(row.Prefix) ? null : row.Prefix,
                        Hosts = string.IsNullOrWhiteSpace(row.Host) ? [] : [.. row.Host.Split(' ', ';', '|').Where(h => h.Length > 0)],
                    });
                    created++;
                    timings.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (TenantValidationException ex)
                {
                    failures.Add($"line {line} ({row.Name}): {string.Join(" ", ex.Errors.Values)}");
                }
                catch (RecipeException ex)
                {
                    failures.Add($"line {line} ({row.Name}): {ex.Message}");
                }
            }

            await progress.ReportAsync(i + 1, $"{created} provisioned, {skipped} already present, {failures.Count} rejected");
        }

        foreach (var failure in failures)
        {
            await output.WriteLineAsync("rejected " + failure);
        }

        await output.WriteLineAsync($"Done: {created} provisioned, {skipped} already present, {failures.Count} rejected.");
        if (timings.Count > 0)
        {
            timings.Sort();
            await output.WriteLineAsync(FormattableString.Invariant(
                $"Per site: p50 {Percentile(timings, 0.50):F1} ms, p99 {Percentile(timings, 0.99):F1} ms, max {timings[^1]:F1} ms, total {timings.Sum() / 1000:F1} s."));
        }
        return failures.Count == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Row
    {
        public string? Name { get; set; }
        public string? DisplayName { get; set; }
        public string? Level { get; set; }
        public string? Prefix { get; set; }
        public string? Host { get; set; }
    }

    private static List<(int Line, Row Row)> ReadRows(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var records = CsvReader.Read(reader).ToList();
            var header = records.Count > 0 ? records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList() : [];
            if (!header.Contains("name"))
            {
                throw new CliUsageException($"'{path}' is not a tenants CSV: the first line must be the header name,displayName,level,prefix,host.");
            }

            string? Field(CsvReader.Record record, string name)
            {
                var index = header.IndexOf(name);
                return index >= 0 && index < record.Fields.Count ? record.Fields[index].Trim() : null;
            }

            return [.. records.Skip(1).Select(r => (r.Line, new Row
            {
                Name = Field(r, "name"),
                DisplayName = Field(r, "displayname"),
                Level = Field(r, "level"),
                Prefix = Field(r, "prefix"),
                Host = Field(r, "host"),
            }))];
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"'{path}' could not be read as CSV: {ex.Message}");
        }
    }
}
