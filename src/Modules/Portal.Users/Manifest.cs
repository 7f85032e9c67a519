using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Users",
    Name = "Người dùng",
    Description = "Sign-in for the whole province, roles and permissions granted per site.",
    AlwaysEnabled = true)]
