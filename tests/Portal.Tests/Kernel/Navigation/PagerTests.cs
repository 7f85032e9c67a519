using System.Text.Encodings.Web;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Navigation;

namespace Portal.Tests.Kernel.Navigation;

/// <summary>The one pager: its links keep the list's filters and change only the page; the current page is marked.</summary>
[Trait("Category", "Fast")]
public sealed class PagerTests
{
    private static HtmlNode Render(string pathBase, string path, string query, int page, int pageCount, Action<PagerTagHelper>? configure = null)
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = pathBase;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        var pager = new PagerTagHelper { Page = page, PageCount = pageCount, ViewContext = new ViewContext { HttpContext = http } };
        configure?.Invoke(pager);
        var context = new TagHelperContext([], new Dictionary<object, object>(), "pager");
        var output = new TagHelperOutput("pager", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        pager.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        var document = new HtmlDocument();
        document.LoadHtml(writer.ToString());
        return document.DocumentNode.SelectSingleNode("//nav") ?? throw new InvalidOperationException("no nav rendered");
    }

    private static string Href(HtmlNode nav, string rel) =>
        System.Net.WebUtility.HtmlDecode(nav.SelectSingleNode($".//a[@rel='{rel}']")?.GetAttributeValue("href", "") ?? "(no link)");

    private static string Current(HtmlNode nav) => nav.SelectSingleNode(".//*[@aria-current='page']")?.InnerText ?? "(none)";

    [Fact]
    public void Links_keep_every_filter_and_change_only_the_page()
    {
        var nav = Render("/xa-hong-ha", "/van-ban", "?type=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&page=2&year=2026&authority=", 2, 5);

        Assert.Equal("/xa-hong-ha/van-ban?type=Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh&year=2026&page=1", Href(nav, "prev"));
        Assert.Equal("/xa-hong-ha/van-ban?type=Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh&year=2026&page=3", Href(nav, "next"));
    }

    [Fact]
    public void The_current_page_is_marked_inside_a_labelled_nav()
    {
        var nav = Render("", "/admin/tenants", "?level=Commune", 3, 4);

        Assert.Equal("Phân trang", System.Net.WebUtility.HtmlDecode(nav.GetAttributeValue("aria-label", "")));
        Assert.Single(nav.SelectNodes(".//*[@aria-current='page']") ?? Enumerable.Empty<HtmlNode>());
        Assert.Equal("Trang 3 / 4", Current(nav));
        Assert.Null(nav.SelectSingleNode(".//a[@aria-current]"));
    }

    [Fact]
    public void The_first_and_last_pages_have_no_link_beyond_them()
    {
        var first = Render("", "/tin-tuc", "", 1, 2);
        var last = Render("", "/tin-tuc", "?page=2", 2, 2);
        var only = Render("", "/tin-tuc", "", 1, 0);

        Assert.Null(first.SelectSingleNode(".//a[@rel='prev']"));
        Assert.Equal("/tin-tuc?page=2", Href(first, "next"));
        Assert.Null(last.SelectSingleNode(".//a[@rel='next']"));
        Assert.Null(only.SelectSingleNode(".//a"));
        Assert.Equal("Trang 1 / 1", Current(only));
    }

    [Fact]
    public void A_view_model_can_give_the_normalized_filters_and_an_uncounted_total()
    {
        var nav = Render("", "/admin/contents", "?state=nonsense&q=thu", 2, 3, pager =>
        {
            pager.Query = new Dictionary<string, string> { ["q"] = "thu", ["page"] = "1" };
            pager.CountKnown = false;
        });
        var hidden = Render("", "/van-ban", "?year=abc", 1, 3, pager => pager.Links = false);

        Assert.Equal("/admin/contents?q=thu&page=3", Href(nav, "next"));
        Assert.Equal("Trang 2", Current(nav));
        Assert.Null(hidden.SelectSingleNode(".//a"));
    }
}
