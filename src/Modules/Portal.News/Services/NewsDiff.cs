using Portal.Core.Contents;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>Field-by-field differences between two versions of an article, in the editors' words.</summary>
internal static class NewsDiff
{
    public static IReadOnlyList<(string Field, string Before, string After)> Between(ContentItem from, ContentItem to)
    {
        var a = NewsFields.Read(from.Data);
        var b = NewsFields.Read(to.Data);
        var pairs = new (string, string, string)[]
        {
            ("Tiêu đề", from.Title, to.Title),
            ("Đường dẫn", from.Slug, to.Slug),
            ("Sapo", a.Summary, b.Summary),
            ("Nội dung", a.Body, b.Body),
            ("Chuyên mục", a.Category, b.Category),
            ("Từ khóa", string.Join(", ", a.Tags), string.Join(", ", b.Tags)),
            ("Tác giả", a.Author, b.Author),
            ("Ảnh", a.Photographer, b.Photographer),
            ("Nguồn", a.Source, b.Source),
            ("Ảnh đại diện", a.FeaturedImage, b.FeaturedImage),
            ("Mô tả ảnh", a.FeaturedImageAlt, b.FeaturedImageAlt),
            ("Tin nổi bật", a.Featured ? "có" : "không", b.Featured ? "có" : "không"),
            ("Loại nhuận bút", a.RoyaltyClass, b.RoyaltyClass),
        };
        return [.. pairs.Where(p => p.Item2 != p.Item3)];
    }
}
