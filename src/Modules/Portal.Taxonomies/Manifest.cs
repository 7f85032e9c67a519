using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Taxonomies",
    Name = "Phân loại",
    Description = "Vocabularies of terms (tags, fields) shared by every content type: terms made from the tags editors type, one public page per tag across types, an admin to rename, merge and delete terms.")]
