using Portal.Core.Persistence;

namespace Portal.Pages.Models;

/// <summary>A static page of one site, such as "Giới thiệu" or "Cơ cấu tổ chức".</summary>
public sealed class Page : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>The importer's stable id (content envelope <c>id</c>), null for pages written in the admin.</summary>
    public string? ContentId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML: cleaned on save, so it can be written to the page as is.</summary>
    public string Body { get; set; } = "";

    public bool Published { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
