using System.Globalization;
using Portal.Core.Calendar;

namespace Portal.Calendar.ViewModels;

/// <summary>The calendar in the admin's Vietnamese: kinds, days of the week, dates, problems.</summary>
internal static class CalendarWords
{
    public static string Kind(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "Nghỉ lễ, Tết",
        CalendarDayKind.DayOffInLieu => "Nghỉ bù",
        _ => "Làm bù",
    };

    public static string KindHint(string kind) => kind switch
    {
        CalendarDayKinds.Holiday => "Nghỉ lễ, Tết (ngày nghỉ, kể cả khi rơi vào thứ Bảy, Chủ nhật)",
        CalendarDayKinds.DayOffInLieu => "Nghỉ bù, nghỉ hoán đổi (một ngày từ thứ Hai đến thứ Sáu được nghỉ)",
        _ => "Làm bù (một ngày thứ Bảy hoặc Chủ nhật phải đi làm)",
    };

    public static string Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Problem(CalendarDayProblem problem) => problem switch
    {
        CalendarDayProblem.DateMissing => "Nhập ngày.",
        CalendarDayProblem.DateUnreadable => "Ngày không hợp lệ: chọn trên lịch hoặc gõ theo dạng ngày/tháng/năm, ví dụ 02/09/2026.",
        CalendarDayProblem.DateOutOfRange => "Chỉ nhận ngày trong các năm 2000–2100.",
        CalendarDayProblem.KindUnknown => "Chọn loại ngày.",
        CalendarDayProblem.NameMissing => "Nhập tên ngày, ví dụ: Quốc khánh.",
        CalendarDayProblem.NameTooLong => "Tên ngày dài quá 200 ký tự.",
        CalendarDayProblem.NoteTooLong => "Ghi chú dài quá 500 ký tự.",
        CalendarDayProblem.WorkingDayNotOnWeekend => "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật (từ thứ Hai đến thứ Sáu vốn là ngày làm việc).",
        CalendarDayProblem.DayOffInLieuNotOnWeekday => "Ngày nghỉ bù phải là một ngày từ thứ Hai đến thứ Sáu (thứ Bảy, Chủ nhật vốn là ngày nghỉ).",
        _ => "Ngày này đã có trong lịch: hãy sửa dòng của ngày đó thay vì thêm mới.",
    };
}
