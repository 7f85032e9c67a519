namespace Portal.Core.Contents;

/// <summary>
/// Told about content changes inside the same unit of work (one transaction with the change): a
/// handler that throws rolls the change back, so a projection can never disagree with the content
/// table. The kernel calls a handler only for its <see cref="ContentTypes"/> and only on sites that
/// have its <see cref="FeatureId"/>. Handlers write their own tables, never the content table,
/// and must not call back into the manager.
/// </summary>
public interface IContentEventHandler
{
    /// <summary>The types this handler keeps (a module's own); empty for every type (tags, the cache).</summary>
    IReadOnlyCollection<string> ContentTypes => [];

    /// <summary>The feature a site must have for the handler to run there; null for always.</summary>
    string? FeatureId => null;

    Task SavedAsync(ContentItem version, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The published version changed: <paramref name="version"/> is now what citizens see.</summary>
    Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item is no longer public (unpublished, archived or deleted).</summary>
    Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item was deleted (after <see cref="UnpublishedAsync"/>): its versions stay, hidden everywhere.</summary>
    Task DeletedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;
}
