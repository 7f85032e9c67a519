using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Questions.Services;

/// <summary>
/// "Tải về .xlsx": the statistics page's tables as one workbook, a sheet per table (by agency, by
/// field, by month, ratings), each with the period in its first row and the header in its second.
/// </summary>
internal static class QuestionStatisticsXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] CountHeader = ["Tiếp nhận", "Trả lời đúng hạn", "Trả lời quá hạn", "Đang xử lý (trong hạn)", "Quá hạn chưa trả lời", "Không tiếp nhận"];

    public static string FileName(StatisticsReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"thong-ke-hoi-dap-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");

    public static byte[] Write(StatisticsReport report)
    {
        var period = string.Create(CultureInfo.InvariantCulture, $"Thống kê hỏi đáp từ {report.From:dd/MM/yyyy} đến {report.To:dd/MM/yyyy}");
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            CountSheet(workbook, sheets, 1, "Theo co quan", "Cơ quan trả lời", period, report.ByAgency, report.Total);
            CountSheet(workbook, sheets, 2, "Theo linh vuc", "Lĩnh vực", period, report.ByField, report.Total);
            CountSheet(workbook, sheets, 3, "Theo thang", "Tháng tiếp nhận", period, report.ByMonth, report.Total);

            var ratings = Sheet(workbook, sheets, 4, "Danh gia");
            ratings.AppendChild(Row(Text(period)));
            ratings.AppendChild(Row(Text("Cơ quan trả lời"), Text("Hữu ích"), Text("Không hữu ích")));
            foreach (var r in report.Ratings)
            {
                ratings.AppendChild(Row(Text(r.Agency), Number(r.Useful), Number(r.NotUseful)));
            }

            ratings.AppendChild(Row(Text("Tổng cộng"), Number(report.Ratings.Sum(r => r.Useful)), Number(report.Ratings.Sum(r => r.NotUseful))));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void CountSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, string firstColumn, string period, IReadOnlyList<StatisticsLine> lines, StatisticsLine total)
    {
        var data = Sheet(workbook, sheets, id, name);
        data.AppendChild(Row(Text(period)));
        data.AppendChild(Row([Text(firstColumn), .. CountHeader.Select(Text)]));
        foreach (var line in lines)
        {
            data.AppendChild(CountRow(line.Label, line));
        }

        data.AppendChild(CountRow("Tổng cộng", total));
    }

    private static Row CountRow(string label, StatisticsLine line) =>
        Row(Text(label), Number(line.Received), Number(line.OnTime), Number(line.Late), Number(line.Open), Number(line.Overdue), Number(line.Rejected));

    private static SheetData Sheet(WorkbookPart workbook, Sheets sheets, uint id, string name)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        return data;
    }

    private static Row Row(params Cell[] cells) => new(cells);

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };
}
