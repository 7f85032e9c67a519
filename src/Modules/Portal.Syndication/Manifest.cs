using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Syndication",
    Name = "Liên thông, sơ đồ cổng",
    Description = "RSS 2.0 feeds (/rss, /rss/{category}), /sitemap.xml, /robots.txt and the site map page /so-do-cong.")]
