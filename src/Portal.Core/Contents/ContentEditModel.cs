namespace Portal.Core.Contents;

/// <summary>What every type's editor form shows besides its fields: which item, its state and version, and the steps the person may take.</summary>
public abstract class ContentEditModel
{
    public string? ContentItemId { get; set; }

    public ContentState State { get; set; }

    public int Version { get; set; }

    /// <summary>The workflow steps this person may take now, by their form names (submit, publish, ...).</summary>
    public IReadOnlySet<string> Allowed { get; set; } = new HashSet<string>();
}
