using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.News",
    Name = "Tin tức",
    Description = "News articles (tin bài) through the editorial workflow: categories, home blocks, article pages, view counts.")]
