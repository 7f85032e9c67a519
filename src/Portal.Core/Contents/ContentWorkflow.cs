namespace Portal.Core.Contents;

/// <summary>Why an operation may or may not be done on an item now.</summary>
public enum ContentCheck
{
    Allowed,

    /// <summary>The person holds the right, but the item's state does not allow the step (a message for the editor).</summary>
    WrongState,

    /// <summary>The person may not do this to this item, whatever its state (403).</summary>
    NotPermitted,
}

/// <summary>
/// The editorial workflow of every content type in one table (docs/domain.md: reporter → editor →
/// board head → publish): for each operation, the states it is allowed from, the state it leads
/// to, and which of the type's permission templates allows it. No host, no database: the desks,
/// the shared list, bulk steps, imports and the API all ask here through <see cref="ContentManager"/>.
/// </summary>
public static class ContentWorkflow
{
    private static readonly ContentState[] Any = Enum.GetValues<ContentState>();

    /// <param name="From">States the latest version may be in.</param>
    /// <param name="To">The latest version's state afterwards; null when it keeps its state or the item leaves the lists.</param>
    /// <param name="Permits">Whether these grants allow the step on this item (owner variants included).</param>
    /// <param name="Needs">The rule in words, for the documentation and the tests.</param>
    public sealed record Rule(ContentOperation Operation, ContentState[] From, ContentState? To, Func<ContentGrants, ContentItem, bool> Permits, string Needs);

    public static readonly IReadOnlyList<Rule> Table =
    [
        new(ContentOperation.Save, Any, null, (g, i) => g.MayEdit(i), "EditAny, or EditOwn on one's own item"),
        new(ContentOperation.Submit, [ContentState.Draft], ContentState.Submitted, (g, i) => g.MayEdit(i), "EditAny, or EditOwn on one's own item"),
        new(ContentOperation.Return, [ContentState.Submitted, ContentState.Approved], ContentState.Draft, (g, _) => g.EditAny || g.Approve, "EditAny or Approve"),
        new(ContentOperation.Approve, [ContentState.Submitted], ContentState.Approved, (g, _) => g.Approve, "Approve"),
        new(ContentOperation.Publish, [ContentState.Approved, ContentState.Unpublished], ContentState.Published, (g, _) => g.Publish, "Publish"),
        new(ContentOperation.Schedule, [ContentState.Approved], ContentState.Scheduled, (g, _) => g.Publish, "Publish"),
        new(ContentOperation.ForcePublish, [ContentState.Draft, ContentState.Submitted, ContentState.Approved, ContentState.Scheduled, ContentState.Unpublished], ContentState.Published, (g, _) => g.Publish, "Publish, with a stated reason"),
        new(ContentOperation.Unpublish, [ContentState.Published, ContentState.Scheduled], ContentState.Unpublished, (g, _) => g.Publish, "Publish"),
        new(ContentOperation.Archive, [ContentState.Published, ContentState.Unpublished, ContentState.Draft], ContentState.Archived, (g, _) => g.Publish, "Publish"),
        new(ContentOperation.Restore, Any, ContentState.Draft, (g, _) => g.Publish, "Publish"),
        new(ContentOperation.Delete, Any, null, (g, i) => g.Publish || (g.MayEdit(i) && g.IsOwner(i) && i.State == ContentState.Draft && i.PublishedUtc is null), "Publish; or the author's own draft that was never published"),
    ];

    private static readonly Dictionary<ContentOperation, Rule> ByOperation = Table.ToDictionary(r => r.Operation);

    public static Rule RuleFor(ContentOperation operation) => ByOperation[operation];

    /// <summary>
    /// Whether <paramref name="grants"/> allow <paramref name="operation"/> on <paramref name="item"/> (its latest version) now.
    /// </summary>
    /// <param name="hasPublicVersion">
    /// Whether citizens see a version of the item: an edit of a published item is a draft over the
    /// public version, and taking that public version down must stay possible.
    /// </param>
    public static ContentCheck Check(ContentItem item, ContentGrants grants, ContentOperation operation, bool hasPublicVersion = false)
    {
        var rule = ByOperation[operation];
        if (item.Deleted || !grants.MayOpen(item) || !rule.Permits(grants, item))
        {
            return ContentCheck.NotPermitted;
        }

        var fromState = rule.From.Contains(item.State)
            || (operation == ContentOperation.Unpublish && hasPublicVersion && item.State != ContentState.Archived);
        return fromState ? ContentCheck.Allowed : ContentCheck.WrongState;
    }

    /// <summary>Every operation these grants allow on the item now, for the editor's buttons.</summary>
    public static IReadOnlySet<ContentOperation> Allowed(ContentItem item, ContentGrants grants, bool hasPublicVersion = false) =>
        Table.Where(r => Check(item, grants, r.Operation, hasPublicVersion) == ContentCheck.Allowed).Select(r => r.Operation).ToHashSet();
}
