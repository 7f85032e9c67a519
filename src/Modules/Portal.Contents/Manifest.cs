using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Contents",
    Name = "Quản lý nội dung",
    Description = "One admin list for every content type: search, filters, sorting, paging, bulk workflow steps, version history, diff and restore.")]
