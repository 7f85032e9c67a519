using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>
/// One version of a content item of any type (news article, legal document, procedure, ...).
/// Every save adds a version; <see cref="Latest"/> marks the one editors work on and
/// <see cref="Published"/> the one citizens see, which may be an older one.
/// The type's own fields are the JSON in <see cref="Data"/>; modules keep typed index tables for filters.
/// </summary>
public sealed class ContentItem : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>Stable id of the item across versions (the envelope's <c>id</c> for imported items).</summary>
    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Version { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public ContentState State { get; set; }

    public string Culture { get; set; } = "vi";

    /// <summary>Items that are translations of each other share this id.</summary>
    public string LocalizationSet { get; set; } = "";

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>The item's category or field, as its type names it (a term slug or name); what the shared Contents admin filters on.</summary>
    public string Category { get; set; } = "";

    /// <summary>Who wrote the item (its first version).</summary>
    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    /// <summary>Who made this version.</summary>
    public string ModifiedById { get; set; } = "";

    public string ModifiedByName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateTime? ScheduledUtc { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The type's fields of this version, as a JSON object.</summary>
    public string Data { get; set; } = "{}";
}
