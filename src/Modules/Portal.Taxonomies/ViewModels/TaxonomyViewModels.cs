using System.ComponentModel.DataAnnotations;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.ViewModels;

internal sealed class TagPageViewModel
{
    public required Term Term { get; init; }

    public required IReadOnlyList<TermAssignment> Items { get; init; }

    public int Page { get; init; }

    public int PageCount { get; init; }

    public int Total { get; init; }
}

internal sealed class TermListViewModel
{
    public required IReadOnlyList<(Term Term, int Items)> Terms { get; init; }

    public string? Search { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageSize { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class TermEditViewModel
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Nhập tên thẻ.")]
    [StringLength(200, ErrorMessage = "Tên thẻ dài tối đa 200 ký tự.")]
    [Display(Name = "Tên hiển thị")]
    public string Name { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Gộp vào thẻ (đường dẫn)")]
    public string? MergeInto { get; set; }

    public int Items { get; set; }
}
