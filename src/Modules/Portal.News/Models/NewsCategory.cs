using Portal.Core.Persistence;

namespace Portal.News.Models;

/// <summary>A news category of one site ("Tin trong tỉnh", "Chính trị", ...), optionally under another.</summary>
public sealed class NewsCategory : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentSlug { get; set; }

    public int Order { get; set; }
}
