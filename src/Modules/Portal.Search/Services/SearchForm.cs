using System.Globalization;

namespace Portal.Search.Services;

/// <summary>
/// Reads the search page's and the API's parameters the same way: the words, the types, the dates
/// (dd/MM/yyyy as Vietnamese write them, or yyyy-MM-dd from a date field), the page and the scope.
/// A date that cannot be read is a message for its field, and the search runs without it.
/// </summary>
internal static class SearchForm
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static (SearchRequest Request, Dictionary<string, string> Errors) Read(
        string? q, IEnumerable<string>? types, string? from, string? to, int? page, string? scope, string? sort, bool canSearchBelow)
    {
        var errors = new Dictionary<string, string>();
        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors);
        if (fromDate is not null && toDate is not null && fromDate > toDate)
        {
            errors["to"] = "Ngày kết thúc phải sau ngày bắt đầu.";
            toDate = null;
        }

        var request = new SearchRequest(q)
        {
            Types = [.. (types ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Take(20)],
            From = fromDate,
            To = toDate,
            Page = page is > 0 ? page.Value : 1,
            AllSites = canSearchBelow && string.Equals(scope, "all", StringComparison.OrdinalIgnoreCase),
            NewestFirst = string.Equals(sort, "date", StringComparison.OrdinalIgnoreCase),
        };
        return (request, errors);
    }

    /// <summary>A page number as typed in the address: anything but a positive number is page 1.</summary>
    public static int? Page(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null;

    private static DateOnly? Date(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and < 2100)
        {
            return date;
        }

        errors[field] = "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2026.";
        return null;
    }
}
