using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;

namespace Portal.Procedures.Services;

/// <summary>One row of an upload that was not imported, and why.</summary>
public sealed record RejectedRow(int Line, string Code, string Reason);

/// <summary>What an upload did: counts, the rows refused, or one error for a file that could not be read at all.</summary>
public sealed class ImportReport
{
    public string? Error { get; init; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public List<RejectedRow> Rejected { get; } = [];
}

/// <summary>
/// Bulk import of procedures from an uploaded file: CSV (a header row of envelope field names,
/// plus optional <c>id</c> and <c>published</c>; list cells separated by "|" or line breaks) or a
/// JSON array of content envelopes. Every row is checked first; rows that break a rule — or repeat
/// a code or id of an earlier row of the same file — are reported with their line, the others are
/// imported, each in its own transaction so a failing row leaves nothing half-written.
/// A file of more than <see cref="MaxRows"/> procedures is refused whole, before any row is
/// written: half a file imported is harder for an editor to pick up than a file to split.
/// </summary>
public sealed class ProcedureUpload(ProcedureWriter writer, PortalDbContext db)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Procedures per file: every row is several writes, and the request must end while the editor waits.</summary>
    public const int MaxRows = 2000;

    private static readonly string[] Columns = [.. ProcedureEnvelope.Fields, "id", "published"];

    private sealed record Row(int Line, string? Id, bool Published, JsonObject Fields);

    public async Task<ImportReport> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new ImportReport { Error = "Tệp rỗng." };
        }

        if (buffer.Length > MaxBytes)
        {
            return new ImportReport { Error = "Tệp lớn quá 5 MB; hãy chia thành nhiều tệp." };
        }

        if (!UploadedText.TryDecode(buffer.ToArray(), out var text))
        {
            return new ImportReport { Error = "Tệp không phải CSV hoặc JSON (UTF-8)." };
        }

        var report = new ImportReport();
        var json = text.TrimStart().StartsWith('[') || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var (rows, error) = json ? ReadJson(text, report) : ReadCsv(text, report);
        if (error is not null)
        {
            return new ImportReport { Error = error };
        }

        var count = rows.Count + report.Rejected.Count;
        if (count > MaxRows)
        {
            return new ImportReport { Error = $"Tệp có {count} thủ tục, quá 2.000 thủ tục mỗi tệp; chưa thủ tục nào được nhập. Hãy chia thành nhiều tệp, mỗi tệp tối đa 2.000 dòng." };
        }

        foreach (var (row, input) in Check(rows, report))
        {
            await ImportRowAsync(row, input, report, cancellationToken);
        }

        report.Rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return report;
    }

    private static IEnumerable<(Row Row, ProcedureInput Input)> Check(List<Row> rows, ImportReport report)
    {
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new List<(Row, ProcedureInput)>();
        foreach (var row in rows)
        {
            var problems = new List<FieldProblem>();
            var input = ProcedureEnvelope.Read(row.Fields, problems);
            var code = row.Fields["code"] is JsonValue v && v.TryGetValue<string>(out var c) ? c.Trim() : "";
            if (row.Id is not null && ContentIds.Problem(row.Id) is { } idProblem)
            {
                problems.Insert(0, new("id", idProblem));
            }

            if (input is null || problems.Count > 0)
            {
                report.Rejected.Add(new(row.Line, code, string.Join(" ", problems.Select(p => p.Message))));
            }
            else if (codes.TryGetValue(input.Fields.Code, out var first))
            {
                report.Rejected.Add(new(row.Line, code, $"mã thủ tục {code} trùng với dòng {first} của cùng tệp."));
            }
            else if (row.Id is not null && ids.TryGetValue(row.Id, out var firstId))
            {
                report.Rejected.Add(new(row.Line, code, $"id \"{row.Id}\" trùng với dòng {firstId} của cùng tệp."));
            }
            else
            {
                codes[input.Fields.Code] = row.Line;
                if (row.Id is not null)
                {
                    ids[row.Id] = row.Line;
                }

                accepted.Add((row, input));
            }
        }

        return accepted;
    }

    private async Task ImportRowAsync(Row row, ProcedureInput input, ImportReport report, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await writer.UpsertAsync(row.Id, input, row.Published, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            switch (result.Outcome)
            {
                case ImportOutcome.Created: report.Created++; break;
                case ImportOutcome.Updated: report.Updated++; break;
                case ImportOutcome.Unchanged: report.Unchanged++; break;
                default: report.Rejected.Add(new(row.Line, input.Fields.Code, result.Reason ?? "không nhập.")); break;
            }
        }
        catch (Exception ex) when (ex is ContentWorkflowException or DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            report.Rejected.Add(new(row.Line, input.Fields.Code, ex is ContentWorkflowException ? ex.Message : "không lưu được (trùng dữ liệu)."));
        }
    }

    private static (List<Row> Rows, string? Error) ReadCsv(string text, ImportReport report)
    {
        List<Core.Text.CsvReader.Record> records;
        try
        {
            using var reader = new StringReader(text);
            records = [.. Core.Text.CsvReader.Read(reader)];
        }
        catch (FormatException ex)
        {
            return ([], "Tệp CSV không đọc được: " + ex.Message);
        }

        if (records.Count == 0)
        {
            return ([], "Tệp CSV không có dòng tiêu đề.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || !header.Contains("code") || !header.Contains("name"))
        {
            return ([], unknown.Count > 0
                ? $"Tệp không phải CSV thủ tục hành chính: cột không xác định {string.Join(", ", unknown.Select(u => $"\"{u}\""))} (các cột: {string.Join(", ", Columns)})."
                : "Tệp CSV phải có dòng tiêu đề với ít nhất các cột code và name.");
        }

        var rows = new List<Row>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                report.Rejected.Add(new(record.Line, "", $"dòng có {record.Fields.Count} cột, tiêu đề có {header.Count}."));
                continue;
            }

            var fields = new JsonObject();
            string? id = null;
            var published = true;
            for (var i = 0; i < header.Count; i++)
            {
                var value = record.Fields[i];
                switch (header[i])
                {
                    case "id":
                        id = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                        break;
                    case "published":
                        published = value.Trim().ToLowerInvariant() is not ("false" or "0" or "không" or "khong");
                        break;
                    default:
                        if (value.Length > 0)
                        {
                            fields[header[i]] = value;
                        }

                        break;
                }
            }

            rows.Add(new Row(record.Line, id, published, fields));
        }

        return (rows, null);
    }

    private static (List<Row> Rows, string? Error) ReadJson(string text, ImportReport report)
    {
        JsonArray array;
        try
        {
            if (JsonNode.Parse(text) is not JsonArray parsed)
            {
                return ([], "Tệp JSON phải là một mảng các gói nội dung (envelope) thủ tục.");
            }

            array = parsed;
        }
        catch (JsonException ex)
        {
            return ([], $"Tệp không phải JSON hợp lệ (dòng {ex.LineNumber + 1}).");
        }

        var lines = ElementLines(text);
        var rows = new List<Row>();
        for (var i = 0; i < array.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : i + 1;
            if (array[i] is not JsonObject item || item["fields"] is not JsonObject fields)
            {
                report.Rejected.Add(new(line, "", "mỗi mục phải là một gói nội dung có \"fields\"."));
                continue;
            }

            if (item["type"] is JsonValue type && type.ToString() != ProcedureJson.ContentType)
            {
                report.Rejected.Add(new(line, "", $"loại nội dung \"{type}\" không phải procedure."));
                continue;
            }

            var id = item["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;
            var published = item["published"] is not JsonValue p || !p.TryGetValue<bool>(out var flag) || flag;
            rows.Add(new Row(line, id, published, (JsonObject)fields.DeepClone()));
        }

        return (rows, null);
    }

    /// <summary>The line each top-level array element starts on, so rejected items are reported where an editor finds them.</summary>
    private static List<int> ElementLines(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var lines = new List<int>();
        var line = 1;
        var counted = 0L;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
            {
                var start = reader.TokenStartIndex;
                line += bytes.AsSpan((int)counted, (int)(start - counted)).Count((byte)'\n');
                counted = start;
                lines.Add(line);
                reader.Skip();
            }
        }

        return lines;
    }
}
