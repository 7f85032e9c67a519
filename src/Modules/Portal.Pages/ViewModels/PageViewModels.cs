using System.ComponentModel.DataAnnotations;
using Portal.Core.Contents;
using Portal.Pages.Services;

namespace Portal.Pages.ViewModels;

public sealed class PageEditViewModel
{
    /// <summary>The page's content item id; null for a new page.</summary>
    public string? Id { get; set; }

    public ContentState? State { get; set; }

    public int Version { get; set; }

    /// <summary>Whether a version of the page is public now (it may be older than the one being edited).</summary>
    public bool IsPublic { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tiêu đề tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Đường dẫn tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [Display(Name = "Nội dung")]
    public string? Body { get; set; }

    /// <summary>Publish the saved version at once (a step without review, named in the audit trail).</summary>
    [Display(Name = "Hiển thị công khai khi lưu")]
    public bool Published { get; set; } = true;

    /// <summary>The workflow steps this person may take on the page now.</summary>
    public IReadOnlySet<string> Allowed { get; set; } = new HashSet<string>();
}

public sealed class PageDisplayViewModel
{
    public string Title { get; init; } = "";

    public string Body { get; init; } = "";

    public DateTime UpdatedUtc { get; init; }
}

public sealed class HomeViewModel
{
    public PageDisplayViewModel? Introduction { get; init; }

    public IReadOnlyList<(string Title, string Slug)> Pages { get; init; } = [];
}
