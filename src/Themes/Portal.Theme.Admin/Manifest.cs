using Portal.Core.Modules;

[assembly: Theme(Name = "Admin", DisplayName = "Quản trị", IsAdmin = true)]
