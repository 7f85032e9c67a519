using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

public sealed record RoyaltyAuthorLine(string Author, int Articles, long Total, IReadOnlyList<RoyaltyEntry> Entries);

/// <summary>The monthly royalty report per author (Vietnam time months), on screen and as .xlsx.</summary>
public sealed class RoyaltyReport(PortalDbContext db)
{
    public async Task<IReadOnlyList<RoyaltyAuthorLine>> MonthAsync(int year, int month, CancellationToken cancellationToken)
    {
        // A month in Vietnam starts at its first day's Vietnamese midnight; a year nobody reports on has none.
        if (VietnamTime.StartOfDayUtc(new DateTime(year, month, 1)) is not { } start)
        {
            return [];
        }

        var end = start.AddMonths(1);
        var entries = await db.Set<RoyaltyEntry>().AsNoTracking()
            .Where(r => r.PublishedUtc >= start && r.PublishedUtc < end)
            .OrderBy(r => r.Author).ThenBy(r => r.PublishedUtc)
            .ToListAsync(cancellationToken);
        return [.. entries.GroupBy(e => e.Author).Select(g => new RoyaltyAuthorLine(g.Key, g.Count(), g.Sum(e => e.Amount), [.. g]))];
    }

    public static byte[] ToXlsx(IReadOnlyList<RoyaltyAuthorLine> lines, string title)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Nhuan but" }));

            data.AppendChild(Row(Text(title)));
            data.AppendChild(Row(Text("Tác giả"), Text("Tin bài"), Text("Loại"), Text("Ngày đăng"), Text("Số tiền (đồng)")));
            foreach (var line in lines)
            {
                foreach (var entry in line.Entries)
                {
                    data.AppendChild(Row(Text(line.Author), Text(entry.Title), Text(entry.Class), Text(VietnamTime.FormatDate(entry.PublishedUtc)), Number(entry.Amount)));
                }

                data.AppendChild(Row(Text($"Cộng {line.Author}"), Text($"{line.Articles} tin bài"), Text(""), Text(""), Number(line.Total)));
            }

            data.AppendChild(Row(Text("Tổng cộng"), Text($"{lines.Sum(l => l.Articles)} tin bài"), Text(""), Text(""), Number(lines.Sum(l => l.Total))));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(params Cell[] cells) => new(cells);

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };

    private static Cell Number(long value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };
}
