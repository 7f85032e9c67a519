using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Core.Html;

/// <summary>
/// Allow-list HTML sanitizer for rich text written in the admin. Whatever is not on the list is
/// dropped: unknown elements are unwrapped (their text kept), script-like elements are removed
/// with their content, attributes are kept only where listed, and URLs only with safe schemes.
/// </summary>
public sealed class HtmlSanitizer
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "span", "div",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "a", "img",
        "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    };

    // Elements whose content is never text a reader should see.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "applet", "noscript", "template", "svg", "math",
        "frame", "frameset", "meta", "link", "base", "title", "head", "textarea", "select", "xml",
    };

    private static readonly Dictionary<string, HashSet<string>> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = new(StringComparer.OrdinalIgnoreCase) { "href", "title" },
        ["img"] = new(StringComparer.OrdinalIgnoreCase) { "src", "alt", "title", "width", "height" },
        ["th"] = new(StringComparer.OrdinalIgnoreCase) { "colspan", "rowspan", "scope" },
        ["td"] = new(StringComparer.OrdinalIgnoreCase) { "colspan", "rowspan" },
        ["ol"] = new(StringComparer.OrdinalIgnoreCase) { "start" },
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src" };

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Longest rich text accepted (characters); an article is far shorter.</summary>
    public const int MaxLength = 512 * 1024;

    /// <summary>
    /// Deepest element nesting accepted. Real rich text nests a dozen levels; the parser's cost
    /// grows with the square of the depth, so a deep document is refused before it is parsed.
    /// </summary>
    public const int MaxDepth = 200;

    /// <summary>Throws <see cref="ArgumentException"/> for text too long or too deeply nested to be rich text.</summary>
    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (html.Length > MaxLength)
        {
            throw new ArgumentException($"văn bản dài hơn {MaxLength / 1024} KB.");
        }

        if (ApproximateDepth(html) > MaxDepth)
        {
            throw new ArgumentException($"văn bản lồng thẻ sâu hơn {MaxDepth} cấp.");
        }

        // A parser per call: cheap, and no question of sharing one across requests.
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in parser.ParseFragment(html, body).ToList())
        {
            body.AppendChild(node);
        }

        Clean(body);
        return body.InnerHtml;
    }

    private static void Clean(INode parent)
    {
        foreach (var child in parent.ChildNodes.ToList())
        {
            switch (child)
            {
                case IElement element:
                    CleanElement(element);
                    break;
                case IText:
                    break;
                default:
                    // Comments, processing instructions, doctype: never kept.
                    child.RemoveFromParent();
                    break;
            }
        }
    }

    private static void CleanElement(IElement element)
    {
        var tag = element.LocalName;
        if (DroppedWithContent.Contains(tag))
        {
            element.RemoveFromParent();
            return;
        }

        Clean(element);
        if (!AllowedTags.Contains(tag))
        {
            // Keep the text, lose the element: <font>xin chào</font> → xin chào.
            foreach (var grandChild in element.ChildNodes.ToList())
            {
                element.Parent!.InsertBefore(grandChild, element);
            }

            element.RemoveFromParent();
            return;
        }

        AllowedAttributes.TryGetValue(tag, out var allowed);
        foreach (var attribute in element.Attributes.ToList())
        {
            var keep = allowed is not null && allowed.Contains(attribute.Name)
                && (!UrlAttributes.Contains(attribute.Name) || IsSafeUrl(attribute.Value));
            if (!keep)
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
            }
        }

        if (tag.Equals("a", StringComparison.OrdinalIgnoreCase) && element.HasAttribute("href"))
        {
            element.SetAttribute("rel", "noopener noreferrer nofollow");
        }
    }

    /// <summary>
    /// An upper bound of the nesting depth from the tags alone (void elements and self-closing
    /// tags aside), cheap enough to run before the parser.
    /// </summary>
    internal static int ApproximateDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(html[i + 1]))
            {
                var end = html.IndexOf('>', i);
                var nameEnd = i + 1;
                while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
                {
                    nameEnd++;
                }

                var name = html[(i + 1)..nameEnd];
                var selfClosing = end > 0 && html[end - 1] == '/';
                if (!selfClosing && !VoidElements.Contains(name))
                {
                    max = Math.Max(max, ++depth);
                }
            }
        }

        return max;
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>
    /// An image of the site itself (the media library): a path on the site ("/media/12/anh.png"),
    /// never another host, a protocol-relative address or a script scheme.
    /// </summary>
    public static bool IsSiteImageUrl(string value)
    {
        var url = value.Trim();
        return url.StartsWith('/') && !IsProtocolRelative(url) && IsSafeUrl(url)
            && !url.Contains("..", StringComparison.Ordinal) && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
    }

    private static bool IsProtocolRelative(string url) =>
        url.Length >= 2 && (url[0] is '/' or '\\') && (url[1] is '/' or '\\');

    /// <summary>Relative URLs (not protocol-relative) and http(s)/mailto/tel only; control characters and entities cannot hide a scheme.</summary>
    public static bool IsSafeUrl(string value)
    {
        var url = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (url.Length == 0)
        {
            return false;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            // No scheme: a relative URL, unless it is protocol-relative ("//host", and "/\host",
            // "\\host", which browsers read the same way): another site, chosen by the writer.
            return !IsProtocolRelative(url);
        }

        var scheme = url[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
