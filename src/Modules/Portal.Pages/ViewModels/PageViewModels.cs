using System.ComponentModel.DataAnnotations;
using Portal.Pages.Models;

namespace Portal.Pages.ViewModels;

public sealed class PageEditViewModel
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tiêu đề tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Đường dẫn tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [Display(Name = "Nội dung")]
    public string? Body { get; set; }

    [Display(Name = "Hiển thị công khai")]
    public bool Published { get; set; } = true;
}

public sealed class PageListViewModel
{
    public IReadOnlyList<Page> Items { get; init; } = [];

    public string? Search { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Total { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
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
