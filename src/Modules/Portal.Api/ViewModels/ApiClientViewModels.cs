using System.ComponentModel.DataAnnotations;
using Portal.Api.Services;

namespace Portal.Api.ViewModels;

internal sealed class ApiClientListViewModel
{
    public required IReadOnlyList<ApiClientSummary> Clients { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageSize { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The site's own token address, shown to the administrator to hand to the integrator.</summary>
    public required string TokenEndpoint { get; init; }
}

public sealed class ApiClientCreateViewModel
{
    [Display(Name = "Mã ứng dụng (client_id)")]
    public string? ClientId { get; set; }

    [Display(Name = "Tên hiển thị")]
    public string? DisplayName { get; set; }

    [Display(Name = "Quyền (scope)")]
    public List<string> Scopes { get; set; } = [];
}

internal sealed class ApiClientEditViewModel
{
    public required ApiClientSummary Client { get; init; }

    [Display(Name = "Quyền (scope)")]
    public List<string> Scopes { get; set; } = [];
}

/// <summary>The one page that shows a secret: right after it was made, never again.</summary>
internal sealed class ApiClientSecretViewModel
{
    public required string ClientId { get; init; }

    public required string Secret { get; init; }

    public required string TokenEndpoint { get; init; }

    public bool Rotated { get; init; }
}

/// <summary>What each scope lets a client do, in the admin's words.</summary>
internal static class ApiScopeNames
{
    public static string Describe(string scope) => scope switch
    {
        "content.read" => "Đọc nội dung đã xuất bản (liên thông, tổng hợp tin)",
        "content.write" => "Tạo và cập nhật nội dung",
        "tenants" => "Tạo và xem các trang thành phần (chỉ trên cổng tỉnh)",
        "questions.submit" => "Gửi câu hỏi của công dân thay người dùng (ứng dụng di động, Cổng DVC quốc gia)",
        "search" => "Tìm kiếm",
        _ => scope,
    };
}
