using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Procedures",
    Name = "Thủ tục hành chính",
    Description = "Administrative procedures (thủ tục hành chính): typed fields, public lookup with filters, the province's commune- and district-level procedures shared down to those sites, bulk import.")]
