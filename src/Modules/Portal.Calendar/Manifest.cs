using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Calendar",
    Name = "Lịch ngày nghỉ",
    Description = "The admin page /admin/ngay-nghi of the installation's working-day calendar (holidays, days off in lieu, compensating working days), on the default site (the province) only. The calendar itself and its deadline arithmetic are the kernel's (IWorkingDayCalendar), for every site.")]
