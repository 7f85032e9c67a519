using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>One rejected row: its line (CSV) or position (JSON), its number when readable, and why.</summary>
public sealed record RejectedRow(int Line, string Number, string Reason);

public sealed class ImportReport
{
    /// <summary>Set when the file as a whole cannot be read; then nothing was imported.</summary>
    public string? FileError { get; init; }

    public int Imported { get; set; }

    public int Unchanged { get; set; }

    public List<RejectedRow> Rejected { get; } = [];
}

/// <summary>
/// Bulk import from an uploaded file: CSV (a header row with the envelope's field names; lists in a
/// cell separated by ";") or a JSON array of envelopes. Every row is checked by the same rules as
/// the editor's form; the good rows are imported, each in its own transaction, the bad ones reported
/// with their line and reason. A file that is neither (binary, garbage) is one clear error.
/// Idempotent like the importer: by id (a CSV row without id gets one from its authority and
/// number), and a number + authority already belonging to another id is rejected.
/// </summary>
public sealed class LegalDocumentBulkImport(PortalDbContext db, LegalDocumentWriter writer)
{
    public const int MaxRows = 5000;

    private static readonly string[] RequiredColumns = ["number", "type", "issuingAuthority", "issuedOn", "summary"];

    private sealed record Row(int Line, string? Id, bool Published, LegalDocumentInput Input);

    public async Task<ImportReport> ImportAsync(byte[] content, ContentActor actor, CancellationToken cancellationToken)
    {
        var (rows, report) = Read(content);
        if (report.FileError is not null)
        {
            return report;
        }

        var seenKeys = new Dictionary<(string, string), int>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var errors = new Dictionary<string, string>();
            var fields = row.Input.Parse(errors);
            if (fields is null)
            {
                report.Rejected.Add(new(row.Line, row.Input.Number?.Trim() ?? "", string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}"))));
                continue;
            }

            var id = string.IsNullOrWhiteSpace(row.Id) ? DefaultId(fields) : row.Id.Trim();
            var key = LegalDocumentData.Key(fields.Number, fields.IssuingAuthority);
            if (ContentIds.Problem(id) is { } idProblem)
            {
                report.Rejected.Add(new(row.Line, fields.Number, idProblem));
                continue;
            }

            if (seenKeys.TryGetValue(key, out var firstLine) || seenIds.TryGetValue(id, out firstLine))
            {
                report.Rejected.Add(new(row.Line, fields.Number, $"Trùng với dòng {firstLine} trong cùng tệp (cùng số/ký hiệu và cơ quan ban hành, hoặc cùng id)."));
                continue;
            }

            seenKeys[key] = row.Line;
            seenIds[id] = row.Line;
            await ImportRowAsync(row, id, fields, actor, report, cancellationToken);
        }

        return report;
    }

    private async Task ImportRowAsync(Row row, string id, LegalDocumentFields fields, ContentActor actor, ImportReport report, CancellationToken cancellationToken)
    {
        // One transaction per row: a row refused half-way (a workflow rule, a clash found by the
        // database) leaves nothing behind, and the rows before it stay imported.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var changed = await writer.ImportAsync(id, fields, row.Published, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (changed)
            {
                report.Imported++;
            }
            else
            {
                report.Unchanged++;
            }
        }
        catch (Exception ex) when (ex is ContentWorkflowException or DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            report.Rejected.Add(new(row.Line, fields.Number, ex is ContentWorkflowException ? ex.Message : "Không lưu được vào cơ sở dữ liệu (trùng dữ liệu)."));
        }
        finally
        {
            // Keeps the unit of work small over thousands of rows, and drops a failed row's entities.
            db.ChangeTracker.Clear();
        }
    }

    private static string DefaultId(LegalDocumentFields fields)
    {
        // One document per number + authority + year.
        return ContentIds.Derived("vb", $"{fields.IssuingAuthority} {fields.Number} {fields.IssuedOn?.Year}", $"{fields.IssuingAuthority}\n{fields.Number}\n{fields.IssuedOn?.Year}");
    }

    private static (List<Row> Rows, ImportReport Report) Read(byte[] content)
    {
        if (!UploadedText.TryDecode(content, out var text))
        {
            return ([], new ImportReport { FileError = NotText });
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], new ImportReport { FileError = "Tệp rỗng." });
        }

        var trimmed = text.TrimStart();
        return trimmed.StartsWith('[') || trimmed.StartsWith('{') ? ReadJson(text) : ReadCsv(text);
    }

    private const string NotText = "Tệp không phải CSV hay JSON (UTF-8): không đọc được nội dung. Hãy lưu tệp dạng CSV UTF-8 hoặc JSON.";

    private static (List<Row>, ImportReport) ReadCsv(string text)
    {
        List<CsvReader.Record> records;
        try
        {
            records = [.. CsvReader.Read(new StringReader(text)).Take(MaxRows + 2)];
        }
        catch (FormatException ex)
        {
            return ([], new ImportReport { FileError = "Tệp CSV không hợp lệ: " + ex.Message });
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var known = LegalDocumentImporter.FieldNames.Concat(["id", "published"]).ToList();
        var columns = header.Select(h => known.FirstOrDefault(k => string.Equals(k, h, StringComparison.OrdinalIgnoreCase))).ToList();
        var missing = RequiredColumns.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return ([], new ImportReport { FileError = $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}. Các cột dùng được: {string.Join(", ", known)}." });
        }

        if (records.Count > MaxRows + 1)
        {
            return ([], new ImportReport { FileError = $"Tệp có hơn {MaxRows} dòng; hãy chia thành nhiều tệp." });
        }

        var report = new ImportReport();
        var rows = new List<Row>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                report.Rejected.Add(new(record.Line, "", $"Dòng có {record.Fields.Count} cột, dòng tiêu đề có {header.Count}."));
                continue;
            }

            var cells = new Dictionary<string, string>();
            for (var i = 0; i < header.Count; i++)
            {
                if (columns[i] is { } column)
                {
                    cells[column] = record.Fields[i];
                }
            }

            string? Cell(string name) => cells.GetValueOrDefault(name);
            var published = Cell("published")?.Trim().ToLowerInvariant();
            if (published is not (null or "" or "true" or "false" or "1" or "0" or "có" or "không"))
            {
                report.Rejected.Add(new(record.Line, Cell("number") ?? "", "published: phải là true hoặc false."));
                continue;
            }

            rows.Add(new Row(record.Line, Cell("id"), published is null or "" or "true" or "1" or "có", new LegalDocumentInput
            {
                Number = Cell("number"),
                Type = Cell("type"),
                IssuingAuthority = Cell("issuingAuthority"),
                Field = Cell("field"),
                Signer = Cell("signer"),
                SignerPosition = Cell("signerPosition"),
                IssuedOn = Cell("issuedOn"),
                EffectiveOn = Cell("effectiveOn"),
                ExpiresOn = Cell("expiresOn"),
                Status = Cell("status"),
                Summary = Cell("summary"),
                Kind = Cell("kind"),
                Files = LegalDocumentInput.SplitList(Cell("files")),
                Replaces = LegalDocumentInput.SplitList(Cell("replaces")),
                Amends = LegalDocumentInput.SplitList(Cell("amends")),
                Guides = LegalDocumentInput.SplitList(Cell("guides")),
            }));
        }

        return (rows, report);
    }

    private static (List<Row>, ImportReport) ReadJson(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            return ([], new ImportReport { FileError = $"Tệp JSON không hợp lệ (dòng {ex.LineNumber + 1}): hãy dùng một mảng các văn bản [ {{ \"id\": ..., \"fields\": {{ ... }} }} ]." });
        }

        if (root is not JsonArray items)
        {
            return ([], new ImportReport { FileError = "Tệp JSON phải là một mảng các văn bản: [ { \"id\": ..., \"fields\": { ... } } ]." });
        }

        if (items.Count > MaxRows)
        {
            return ([], new ImportReport { FileError = $"Tệp có hơn {MaxRows} văn bản; hãy chia thành nhiều tệp." });
        }

        var report = new ImportReport();
        var rows = new List<Row>();
        for (var i = 0; i < items.Count; i++)
        {
            var position = i + 1;
            if (items[i] is not JsonObject item || item["fields"] is not JsonObject fields)
            {
                report.Rejected.Add(new(position, "", "Mỗi phần tử phải là một đối tượng có \"fields\"."));
                continue;
            }

            if (item["type"] is JsonValue type && type.ToString() != LegalDocumentData.ContentType)
            {
                report.Rejected.Add(new(position, "", $"type: phải là \"{LegalDocumentData.ContentType}\"."));
                continue;
            }

            var errors = new Dictionary<string, string>();
            var input = LegalDocumentImporter.FromEnvelope(fields, errors);
            var published = item["published"] is not JsonValue p || (p.TryGetValue<bool>(out var flag) ? flag : !errors.TryAdd("published", "Phải là true hoặc false."));
            var unknown = fields.Select(f => f.Key).Where(k => !LegalDocumentImporter.FieldNames.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                errors["fields"] = "Trường không biết: " + string.Join(", ", unknown);
            }

            if (errors.Count > 0)
            {
                report.Rejected.Add(new(position, input.Number ?? "", string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}"))));
                continue;
            }

            rows.Add(new Row(position, item["id"] is JsonValue id && id.TryGetValue<string>(out var s) ? s : null, published, input));
        }

        return (rows, report);
    }
}
