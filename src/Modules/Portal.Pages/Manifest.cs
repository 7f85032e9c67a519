using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Pages",
    Name = "Trang tĩnh",
    Description = "Static pages at /trang/{slug} (giới thiệu, cơ cấu tổ chức, liên hệ) and the site's home page.")]
