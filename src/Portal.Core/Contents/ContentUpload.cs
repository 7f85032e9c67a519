using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Text;

namespace Portal.Core.Contents;

/// <summary>One row of an upload that was not imported: its line, what names it for the editor (a number, a code), and why.</summary>
public sealed record RejectedRow(int Line, string Key, string Reason);

/// <summary>What an upload did: counts, the rows refused, or one error for a file that could not be read at all (then nothing was imported).</summary>
public sealed class ContentImportReport
{
    public string? FileError { get; init; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Imported => Created + Updated;

    public List<RejectedRow> Rejected { get; } = [];
}

/// <summary>
/// The one upload pipeline for every content type: a UTF-8 CSV (a header row of the envelope's
/// field names plus <c>id</c> and <c>published</c>) or a JSON array of content envelopes. The whole
/// file is read and every row checked by the type's row parser first; a file of more rows than the
/// type allows is refused before anything is written (half a file is harder to pick up than a file
/// to split). Rows that break a rule, or repeat the id or business key of an earlier row, are listed
/// with their line and reason; the others go through the kernel's upsert, each in its own
/// transaction, so a failing row leaves nothing half-written and the rows before it stay.
/// </summary>
public sealed class ContentUpload(PortalDbContext db, ContentManager contents, IServiceProvider services)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private sealed record Row(int Line, ContentEnvelope Envelope);

    public async Task<ContentImportReport> ImportAsync(ContentImporter importer, byte[] content, string fileName, ContentActor actor, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            return new() { FileError = "Tệp rỗng." };
        }

        if (content.Length > MaxBytes)
        {
            return new() { FileError = "Tệp lớn quá 5 MB; hãy chia thành nhiều tệp." };
        }

        if (!UploadedText.TryDecode(content, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return new() { FileError = "Tệp không phải CSV hay JSON (UTF-8): không đọc được nội dung. Hãy lưu tệp dạng CSV UTF-8 hoặc JSON." };
        }

        var report = new ContentImportReport();
        var trimmed = text.TrimStart();
        var json = trimmed.StartsWith('[') || trimmed.StartsWith('{') || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var (rows, error) = json ? ReadJson(importer, text, report) : ReadCsv(importer, text, report);
        if (error is not null)
        {
            return new() { FileError = error };
        }

        var count = rows.Count + report.Rejected.Count;
        if (count > importer.MaxRows)
        {
            return new() { FileError = $"Tệp có {count} {importer.ItemNoun}, quá {Thousands(importer.MaxRows)} {importer.ItemNoun} mỗi tệp; chưa {importer.ItemNoun} nào được nhập. Hãy chia thành nhiều tệp, mỗi tệp tối đa {Thousands(importer.MaxRows)} dòng." };
        }

        foreach (var row in Check(importer, rows, report))
        {
            await ImportRowAsync(importer, row, actor, report, cancellationToken);
        }

        report.Rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return report;
    }

    private static List<Row> Check(ContentImporter importer, List<Row> rows, ContentImportReport report)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new List<Row>();
        foreach (var row in rows)
        {
            var fields = row.Envelope.Fields;
            var problems = importer.Check(fields).Select(p => p.Field.Length > 0 ? $"{p.Field}: {p.Message}" : p.Message).ToList();
            if (row.Envelope.Id.Length > 0 && ContentIds.Problem(row.Envelope.Id) is { } idProblem)
            {
                problems.Insert(0, idProblem);
            }

            var key = problems.Count == 0 ? importer.RowKey(fields) : null;
            if (problems.Count > 0)
            {
                report.Rejected.Add(new(row.Line, importer.RowLabel(fields), string.Join(" ", problems)));
            }
            else if ((row.Envelope.Id.Length > 0 && ids.TryGetValue(row.Envelope.Id, out var first)) || (key is not null && keys.TryGetValue(key, out first)))
            {
                report.Rejected.Add(new(row.Line, importer.RowLabel(fields), $"Trùng với dòng {first} trong cùng tệp (cùng id hoặc cùng {importer.RowKeyName})."));
            }
            else
            {
                if (row.Envelope.Id.Length > 0)
                {
                    ids[row.Envelope.Id] = row.Line;
                }

                if (key is not null)
                {
                    keys[key] = row.Line;
                }

                accepted.Add(row);
            }
        }

        return accepted;
    }

    private async Task ImportRowAsync(ContentImporter importer, Row row, ContentActor actor, ContentImportReport report, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var upsert = await importer.PrepareAsync(row.Envelope, services, actor, cancellationToken);
            var result = await contents.UpsertAsync(upsert, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            switch (result.Outcome)
            {
                case UpsertOutcome.Created: report.Created++; break;
                case UpsertOutcome.Updated: report.Updated++; break;
                case UpsertOutcome.Unchanged: report.Unchanged++; break;
                default: report.Rejected.Add(new(row.Line, importer.RowLabel(row.Envelope.Fields), result.Reason ?? "không nhập.")); break;
            }
        }
        catch (Exception ex) when (ex is ContentWorkflowException or DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            report.Rejected.Add(new(row.Line, importer.RowLabel(row.Envelope.Fields), ex is ContentWorkflowException ? ex.Message : "không lưu được vào cơ sở dữ liệu (trùng dữ liệu)."));
        }
        finally
        {
            // Keeps the unit of work small over thousands of rows, and drops a failed row's entities.
            db.ChangeTracker.Clear();
        }
    }

    private static (List<Row> Rows, string? Error) ReadCsv(ContentImporter importer, string text, ContentImportReport report)
    {
        List<CsvReader.Record> records;
        try
        {
            records = [.. CsvReader.Read(new StringReader(text))];
        }
        catch (FormatException ex)
        {
            return ([], "Tệp CSV không đọc được: " + ex.Message);
        }

        if (records.Count == 0)
        {
            return ([], "Tệp CSV không có dòng tiêu đề.");
        }

        string[] known = [.. importer.FieldNames, "id", "published"];
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var columns = header.Select(h => known.FirstOrDefault(k => string.Equals(k, h, StringComparison.OrdinalIgnoreCase))).ToList();
        var unknown = header.Where((_, i) => columns[i] is null).ToList();
        var missing = importer.RequiredColumns.Where(r => !columns.Contains(r)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"thiếu cột: {string.Join(", ", missing)}");
            }

            if (unknown.Count > 0)
            {
                problems.Add($"có cột không xác định {string.Join(", ", unknown.Select(u => $"\"{u}\""))}");
            }

            return ([], $"Dòng tiêu đề {string.Join("; ", problems)}. Các cột dùng được: {string.Join(", ", known)}.");
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
                report.Rejected.Add(new(record.Line, "", $"dòng có {record.Fields.Count} cột, dòng tiêu đề có {header.Count}."));
                continue;
            }

            var fields = new JsonObject();
            var id = "";
            bool? published = true;
            for (var i = 0; i < header.Count; i++)
            {
                var value = record.Fields[i];
                switch (columns[i])
                {
                    case "id": id = value.Trim(); break;
                    case "published": published = ContentValues.Boolean(value, empty: true); break;
                    default:
                        if (value.Length > 0)
                        {
                            fields[columns[i]!] = value;
                        }

                        break;
                }
            }

            if (published is null)
            {
                report.Rejected.Add(new(record.Line, importer.RowLabel(fields), "published: phải là true hoặc false."));
                continue;
            }

            rows.Add(new(record.Line, new ContentEnvelope(importer.Type, id, "vi", published.Value, fields)));
        }

        return (rows, null);
    }

    private static (List<Row> Rows, string? Error) ReadJson(ContentImporter importer, string text, ContentImportReport report)
    {
        JsonArray array;
        try
        {
            if (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) is not JsonArray parsed)
            {
                return ([], $"Tệp JSON phải là một mảng các gói nội dung: [ {{ \"type\": \"{importer.Type}\", \"id\": ..., \"fields\": {{ ... }} }} ].");
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

            var problems = new List<string>();
            if (item["type"] is { } type && (type is not JsonValue t || !t.TryGetValue<string>(out var typeName) || typeName != importer.Type))
            {
                problems.Add($"type: phải là \"{importer.Type}\".");
            }

            var id = "";
            if (item["id"] is { } idNode && (idNode is not JsonValue idValue || !idValue.TryGetValue(out id!)))
            {
                problems.Add("id: phải là một chuỗi.");
            }

            var published = true;
            if (item["published"] is { } p && (p is not JsonValue flag || !flag.TryGetValue(out published)))
            {
                problems.Add("published: phải là true hoặc false.");
            }

            var unknown = fields.Select(f => f.Key).Where(k => !importer.FieldNames.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add("trường không xác định: " + string.Join(", ", unknown) + ".");
            }

            if (problems.Count > 0)
            {
                report.Rejected.Add(new(line, importer.RowLabel(fields), string.Join(" ", problems)));
                continue;
            }

            var culture = item["culture"] is JsonValue c && c.TryGetValue<string>(out var cultureName) ? cultureName : "vi";
            rows.Add(new(line, new ContentEnvelope(importer.Type, id.Trim(), culture, published, (JsonObject)fields.DeepClone())));
        }

        return (rows, null);
    }

    /// <summary>2000 as Vietnamese write it: 2.000.</summary>
    private static string Thousands(int n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

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
