using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Media",
    Name = "Thư viện ảnh, tệp",
    Description = "Images, PDF and Word files checked by their content, served with long-lived caching; video links (YouTube, Vimeo, https).")]
