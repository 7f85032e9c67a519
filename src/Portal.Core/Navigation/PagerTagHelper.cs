using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Navigation;

/// <summary>
/// The one pager of every list, public and admin: <c>&lt;pager page="@Model.Page" page-count="@Model.PageCount" /&gt;</c>
/// renders <c>&lt;nav class="pager" aria-label="Phân trang"&gt;</c> with previous and next links and the
/// current page marked <c>aria-current="page"</c>. The links keep the list's address and every
/// other parameter of its query string (the filters, the sort) and change only <c>page</c>; a
/// list whose filters are normalized in its view model passes them as <see cref="Query"/>.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper : TagHelper
{
    public const string PageKey = "page";

    public int Page { get; set; } = 1;

    public int PageCount { get; set; } = 1;

    /// <summary>False when the total is not counted exactly (a capped count): "Trang 3" without "/ N".</summary>
    public bool CountKnown { get; set; } = true;

    /// <summary>False to show only the current page (e.g. a list that explains an impossible filter).</summary>
    public bool Links { get; set; } = true;

    /// <summary>The parameters to keep on the links instead of the request's own query string (<c>page</c> is ignored).</summary>
    public IEnumerable<KeyValuePair<string, string>>? Query { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", "Phân trang");

        var request = ViewContext.HttpContext.Request;
        var kept = (Query ?? request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))))
            .Where(p => !string.Equals(p.Key, PageKey, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(p.Value))
            .ToList();
        var path = (request.PathBase + request.Path).ToUriComponent();

        var content = output.Content;
        if (Links && Page > 1)
        {
            content.AppendHtml(Link(path, kept, Page - 1, "prev", "« Trang trước"));
        }

        var current = new TagBuilder("span");
        current.Attributes["aria-current"] = "page";
        current.InnerHtml.Append(CountKnown
            ? string.Create(CultureInfo.InvariantCulture, $"Trang {Page} / {Math.Max(PageCount, 1)}")
            : string.Create(CultureInfo.InvariantCulture, $"Trang {Page}"));
        content.AppendHtml(current);

        if (Links && Page < PageCount)
        {
            content.AppendHtml(Link(path, kept, Page + 1, "next", "Trang sau »"));
        }
    }

    /// <summary>The address of page <paramref name="page"/>: the same path and parameters, <c>page</c> last.</summary>
    public static string Href(string path, IEnumerable<KeyValuePair<string, string>> kept, int page) =>
        path + QueryString.Create(kept.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .Append(new(PageKey, page.ToString(CultureInfo.InvariantCulture)))).ToUriComponent();

    private static TagBuilder Link(string path, IEnumerable<KeyValuePair<string, string>> kept, int page, string rel, string text)
    {
        var link = new TagBuilder("a");
        link.Attributes["href"] = Href(path, kept, page);
        link.Attributes["rel"] = rel;
        link.InnerHtml.Append(text);
        return link;
    }
}
