using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Tenants",
    Name = "Trang thành phần",
    Description = "Create, list, enable, disable and remove the component sites under a site (admin and /api/tenants).")]
