using System.ComponentModel.DataAnnotations;
using Portal.Core.Contents;
using Portal.News.Models;

namespace Portal.News.ViewModels;

public sealed class NewsListViewModel
{
    public IReadOnlyList<PublishedArticle> Items { get; init; } = [];

    public NewsCategory? Category { get; init; }

    public IReadOnlyList<NewsCategory> Categories { get; init; } = [];

    public int Page { get; init; }

    public int PageCount { get; init; }
}

public sealed class ArticleViewModel
{
    public required PublishedArticle Article { get; init; }

    public required NewsArticleFields Fields { get; init; }

    public NewsCategory? Category { get; init; }

    public IReadOnlyList<PublishedArticle> Related { get; init; } = [];

    public long Views { get; init; }

    public string CanonicalUrl { get; init; } = "";

    public IReadOnlyList<ArticleComment> Comments { get; init; } = [];

    public CommentFormModel Form { get; init; } = new();
}

/// <summary>A reader's comment form. <see cref="Website"/> is a trap field people never see: bots fill it.</summary>
public sealed class CommentFormModel
{
    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(100, ErrorMessage = "Họ tên tối đa 100 ký tự.")]
    [Display(Name = "Họ và tên")]
    public string SenderName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
    [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Thư điện tử tối đa 256 ký tự.")]
    [Display(Name = "Thư điện tử (không hiển thị)")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(200, ErrorMessage = "Tiêu đề tối đa 200 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập nội dung.")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Nội dung từ 10 đến 4000 ký tự.")]
    [Display(Name = "Nội dung ý kiến")]
    public string Content { get; set; } = "";

    public string? Website { get; set; }
}

public sealed class CommentModerationViewModel
{
    public IReadOnlyList<(ArticleComment Comment, string ArticleTitle)> Items { get; init; } = [];

    public CommentStatus Status { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageCount => Math.Max(1, (Total + 19) / 20);
}

public sealed class NewsEditViewModel : ContentEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(500, ErrorMessage = "Tiêu đề tối đa 500 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Đường dẫn tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [StringLength(2000, ErrorMessage = "Sapo tối đa 2000 ký tự.")]
    [Display(Name = "Sapo (tóm tắt)")]
    public string? Summary { get; set; }

    [Display(Name = "Nội dung")]
    public string? Body { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn chuyên mục.")]
    [Display(Name = "Chuyên mục")]
    public string Category { get; set; } = "";

    [Display(Name = "Từ khóa (cách nhau bởi dấu phẩy)")]
    public string? Tags { get; set; }

    [StringLength(200)]
    [Display(Name = "Tác giả (phóng viên)")]
    public string? Author { get; set; }

    [StringLength(200)]
    [Display(Name = "Ảnh")]
    public string? Photographer { get; set; }

    [StringLength(300)]
    [Display(Name = "Nguồn")]
    public string? Source { get; set; }

    [StringLength(500)]
    [Display(Name = "Ảnh đại diện (đường dẫn)")]
    public string? FeaturedImage { get; set; }

    [StringLength(500)]
    [Display(Name = "Mô tả ảnh (bắt buộc khi có ảnh)")]
    public string? FeaturedImageAlt { get; set; }

    [Display(Name = "Tin nổi bật")]
    public bool Featured { get; set; }

    [StringLength(50)]
    [Display(Name = "Loại nhuận bút")]
    public string? RoyaltyClass { get; set; }

    public IReadOnlyList<NewsCategory> Categories { get; set; } = [];

    /// <summary>The site above this article may be offered to, when this person may offer it now; null hides the button.</summary>
    public string? OfferTo { get; set; }

    /// <summary>For a copy offered by a site below: that site's name and the original's address, shown to the editors.</summary>
    public string? SourceSiteName { get; set; }

    public string? SourceUrl { get; set; }
}

/// <summary>An article of a site below, with its site's name and its absolute address on that site.</summary>
public sealed record SitesBelowArticle(PublishedArticle Article, string SiteName, string Url);

public sealed class SitesBelowNewsViewModel
{
    public IReadOnlyList<SitesBelowArticle> Items { get; init; } = [];

    /// <summary>The sites below that may be chosen in the filter.</summary>
    public IReadOnlyList<Portal.Core.Tenancy.Tenant> Sites { get; init; } = [];

    public Portal.Core.Tenancy.Tenant? Selected { get; init; }

    public int Page { get; init; }

    public int PageCount { get; init; }
}
