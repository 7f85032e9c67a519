using AngleSharp.Html.Parser;

namespace Portal.Core.Html;

/// <summary>Sanitized rich text as plain text, for e-mails and summaries: paragraphs and line breaks kept as new lines, tags dropped, entities decoded.</summary>
public static class PlainText
{
    private static readonly HtmlParser Parser = new();

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = Parser.ParseDocument("<body>" + html + "</body>");
        foreach (var br in document.QuerySelectorAll("br"))
        {
            br.Replace(document.CreateTextNode("\n"));
        }

        foreach (var block in document.QuerySelectorAll("p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote"))
        {
            block.Append(document.CreateTextNode("\n\n"));
        }

        var lines = (document.Body?.TextContent ?? "")
            .Replace("\r", "", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.Trim());
        return string.Join('\n', CollapseBlankLines(lines)).Trim();
    }

    private static IEnumerable<string> CollapseBlankLines(IEnumerable<string> lines)
    {
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    yield return line;
                }

                blank = true;
                continue;
            }

            blank = false;
            yield return line;
        }
    }
}
