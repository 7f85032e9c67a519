using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.LegalDocuments",
    Name = "Văn bản",
    Description = "Legal documents (văn bản quy phạm pháp luật, chỉ đạo điều hành) through the editorial workflow: filters, computed validity status, relations, bulk import.")]
