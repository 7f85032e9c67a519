using System.ComponentModel.DataAnnotations;
using Portal.Users.Services;

namespace Portal.Users.ViewModels;

public sealed class UserListViewModel
{
    public IReadOnlyList<SiteMember> Members { get; init; } = [];

    public string? Search { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Total { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class AddMemberViewModel
{
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [RegularExpression("^[a-zA-Z0-9._@-]{3,64}$", ErrorMessage = "Tên đăng nhập gồm 3-64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang hoặc @.")]
    [Display(Name = "Tên đăng nhập")]
    public string UserName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Họ tên tối đa 200 ký tự.")]
    [Display(Name = "Họ và tên")]
    public string? DisplayName { get; set; }

    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Thư điện tử tối đa 256 ký tự.")]
    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    [DataType(DataType.Password)]
    [StringLength(128, ErrorMessage = "Mật khẩu tối đa 128 ký tự.")]
    [Display(Name = "Mật khẩu (chỉ khi tạo tài khoản mới)")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    [Display(Name = "Vai trò trên trang này")]
    public string Role { get; set; } = "";

    public IReadOnlyList<string> Roles { get; set; } = [];
}

public sealed class RevokeViewModel
{
    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Role { get; set; } = "";
}

public sealed class UserSessionsViewModel
{
    public string UserId { get; init; } = "";

    public string UserName { get; init; } = "";

    public bool LockedOut { get; init; }

    public IReadOnlyList<Portal.Users.Models.UserSession> Sessions { get; init; } = [];
}
