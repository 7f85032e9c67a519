using Portal.Core.Contents;
using Portal.News.Models;

namespace Portal.Tests.Modules.News;

[Trait("Category", "Fast")]
public sealed class NewsAddressesTests
{
    [Fact]
    public void An_article_has_one_address_app_relative_and_site_relative()
    {
        Assert.Equal("~/tin-tuc/thong-bao/lich-cat-dien", NewsAddresses.Article("thong-bao", "lich-cat-dien"));
        Assert.Equal("/tin-tuc/thong-bao/lich-cat-dien", NewsAddresses.ArticlePath("thong-bao", "lich-cat-dien"));
    }

    [Fact]
    public void An_article_on_another_site_is_linked_by_that_sites_base_address()
    {
        Assert.Equal("https://xahongha.gov.vn/tin-tuc/thong-bao/lich-cat-dien", NewsAddresses.ArticleUrl("https://xahongha.gov.vn/", "thong-bao", "lich-cat-dien"));
        Assert.Equal("http://localhost/xa-hong-ha/tin-tuc/thong-bao/lich-cat-dien", NewsAddresses.ArticleUrl("http://localhost/xa-hong-ha", "thong-bao", "lich-cat-dien"));
    }

    [Fact]
    public void The_content_type_definition_links_to_the_same_address()
    {
        var type = new ContentTypeDefinition("news", "Tin bài", "Portal.News", "~/admin/news/{0}", new ContentTypePermissions("a", "b", "c", "d"))
        {
            PublicPath = NewsAddresses.Article("{category}", "{slug}"),
        };

        Assert.Equal(NewsAddresses.Article("thong-bao", "lich-cat-dien"), type.PublicPathOf(new ContentItem { Category = "thong-bao", Slug = "lich-cat-dien" }));
    }
}
