using AngleSharp.Dom;
using Ganss.Xss;

namespace Portal.Core.Html;

/// <summary>
/// The sanitizer of rich text written in the admin: HtmlSanitizer (Ganss.Xss, the one Orchard
/// Core uses) configured for what the editors write — headings, paragraphs, lists, quotes, code,
/// tables, figure/figcaption, links (http, https, mailto, tel, site paths; rel kept where it is a
/// known link type, and always noopener noreferrer nofollow) and images from the site's media
/// library. Unknown elements are unwrapped (their text kept); script-like elements go with their
/// content; no style, class, event or data attribute survives. Before parsing, text too long or
/// too deeply nested to be rich text is refused with <see cref="ArgumentException"/>.
/// </summary>
public sealed class HtmlSanitizer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "span", "div",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "a", "img",
        "figure", "figcaption", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];

    // Elements whose content is never text a reader should see: removed whole, not unwrapped.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "applet", "noscript", "noembed", "noframes", "template", "svg", "math",
        "frame", "frameset", "meta", "link", "base", "title", "head", "textarea", "select", "option", "xml", "xmp", "plaintext",
        "form", "button", "input", "audio", "video", "canvas", "portal",
    };

    private static readonly string[] AllowedAttributes =
    [
        "href", "title", "rel", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "start", "span",
    ];

    private static readonly HashSet<string> KnownLinkTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "nofollow", "noopener", "noreferrer", "external", "license", "author", "help", "tag", "ugc", "sponsored", "bookmark",
    };

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private static readonly string[] ForcedLinkTypes = ["noopener", "noreferrer", "nofollow"];

    /// <summary>Longest rich text accepted (characters); an article is far shorter.</summary>
    public const int MaxLength = 512 * 1024;

    /// <summary>
    /// Deepest element nesting accepted. Real rich text nests a dozen levels; the parser's cost
    /// grows with the square of the depth, so a deep document is refused before it is parsed.
    /// </summary>
    public const int MaxDepth = 200;

    private readonly Ganss.Xss.HtmlSanitizer _sanitizer;

    public HtmlSanitizer()
    {
        _sanitizer = new Ganss.Xss.HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(SafeSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = true,
            AllowDataAttributes = false,
        };
        _sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                foreach (var child in e.Tag.ChildNodes.ToList())
                {
                    child.RemoveFromParent();
                }
            }
        };
        _sanitizer.FilterUrl += (_, e) =>
        {
            var url = e.SanitizedUrl ?? e.OriginalUrl;
            var image = e.Tag.LocalName.Equals("img", StringComparison.OrdinalIgnoreCase);
            if (url is null || !(image ? IsSiteImageUrl(url) : IsSafeUrl(url)))
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                var kept = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(KnownLinkTypes.Contains).Select(t => t.ToLowerInvariant());
                link.SetAttribute("rel", string.Join(' ', kept.Concat(ForcedLinkTypes).Distinct(StringComparer.Ordinal)));
            }
        };
    }

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

        return _sanitizer.Sanitize(html);
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
