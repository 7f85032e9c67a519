using System.ComponentModel.DataAnnotations;
using Portal.Core.Tenancy;

namespace Portal.Tenants.ViewModels;

public sealed class TenantListViewModel
{
    public IReadOnlyList<TenantRow> Rows { get; init; } = [];

    public string? Search { get; init; }

    public TenantLevel? Level { get; init; }

    public string? Parent { get; init; }

    public TenantState? State { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Total { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record TenantRow(string Name, string DisplayName, TenantLevel Level, string? ParentName, TenantState State, string Address, bool IsCurrent);

public sealed class TenantCreateViewModel
{
    [Display(Name = "Tên định danh (không dấu)")]
    public string? Name { get; set; }

    [Display(Name = "Tên hiển thị")]
    public string? DisplayName { get; set; }

    [Display(Name = "Cấp")]
    public string? Level { get; set; }

    [Display(Name = "Trang cấp trên (tên định danh)")]
    public string? Parent { get; set; }

    [Display(Name = "Mẫu thiết lập")]
    public string? Recipe { get; set; }

    [Display(Name = "Tiền tố đường dẫn (để trống: dùng tên định danh)")]
    public string? Prefix { get; set; }

    [Display(Name = "Tên miền (cách nhau bởi dấu phẩy)")]
    public string? Hosts { get; set; }

    public IReadOnlyList<(string Name, string DisplayName)> Recipes { get; set; } = [];
}

public sealed class TenantConfirmViewModel
{
    public string Name { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Action { get; init; } = "";
}
