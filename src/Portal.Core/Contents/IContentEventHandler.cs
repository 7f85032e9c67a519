namespace Portal.Core.Contents;

/// <summary>
/// Told about content changes inside the same unit of work: modules keep their typed index
/// tables in step, the output cache evicts pages. Handlers must not call back into the manager.
/// </summary>
public interface IContentEventHandler
{
    Task SavedAsync(ContentItem version, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The published version changed: <paramref name="version"/> is now what citizens see.</summary>
    Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item is no longer public (unpublished, archived or deleted).</summary>
    Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;
}
