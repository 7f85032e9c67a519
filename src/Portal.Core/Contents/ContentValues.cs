using System.Globalization;

namespace Portal.Core.Contents;

/// <summary>One reading of the values editors type in spreadsheets and forms, for every type's import.</summary>
public static class ContentValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>A yes/no cell: empty is <paramref name="empty"/>; true/false, 1/0, có/không, yes/no in any case; anything else is not a boolean.</summary>
    public static bool? Boolean(string? text, bool empty)
    {
        var value = text?.Trim().ToLowerInvariant() ?? "";
        return value switch
        {
            "" => empty,
            "true" or "1" or "có" or "co" or "yes" or "x" => true,
            "false" or "0" or "không" or "khong" or "no" => false,
            _ => null,
        };
    }

    /// <summary>A date as editors write it (2026-03-01, 01/03/2026, 1/3/2026); null when it is not one or lies outside 1900–2100.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2100
            ? date
            : null;
}
