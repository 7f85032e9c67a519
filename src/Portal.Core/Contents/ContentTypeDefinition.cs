namespace Portal.Core.Contents;

/// <summary>
/// A content module announces its type once, so the shared Contents admin can list, search,
/// compare and restore items of every type in one look, and send editors to the type's own editor.
/// Register as a singleton: <c>services.AddSingleton(new ContentTypeDefinition(...))</c>.
/// </summary>
/// <param name="Type">The envelope's type name (news, page, legal-document, procedure).</param>
/// <param name="DisplayName">What editors call it (Tin bài, Văn bản, Thủ tục hành chính).</param>
/// <param name="FeatureId">The feature that owns the type; the type is listed only where it is enabled.</param>
/// <param name="EditPath">The type's editor, with <c>{0}</c> for the content item id (e.g. <c>~/admin/news/{0}</c>).</param>
/// <param name="Permissions">The type's permission for each template of the workflow (<see cref="ContentWorkflow"/>).</param>
public sealed record ContentTypeDefinition(
    string Type,
    string DisplayName,
    string FeatureId,
    string EditPath,
    ContentTypePermissions Permissions)
{
    /// <summary>The type's editor for one item, app-relative.</summary>
    public string EditPathOf(string contentItemId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, EditPath, Uri.EscapeDataString(contentItemId));

    /// <summary>
    /// The public address of a published item, with <c>{slug}</c> and <c>{category}</c> filled in
    /// from the item (e.g. <c>~/tin-tuc/{category}/{slug}</c>); null when the type has no public page.
    /// </summary>
    public string? PublicPath { get; init; }

    public string? PublicPathOf(ContentItem item) =>
        PublicPath?.Replace("{slug}", Uri.EscapeDataString(item.Slug), StringComparison.Ordinal)
            .Replace("{category}", Uri.EscapeDataString(item.Category), StringComparison.Ordinal);

    /// <summary>The type's own admin screens offered above the shared list (write, import), each with the permission it needs (null: the type's EditOwn).</summary>
    public IReadOnlyList<(string Label, string Path, string? Permission)> AdminLinks { get; init; } = [];

    /// <summary>
    /// What an API client with <c>content.write</c> may do with this type (<c>PUT /api/content/{type}/{id}</c>):
    /// nothing, write items that land as submitted for the site's editors (the default), or publish
    /// them as sent (types whose source of record is elsewhere: a national database).
    /// </summary>
    public ContentApiWrites ApiWrites { get; init; } = ContentApiWrites.Review;

    /// <summary>Labels for the JSON fields in <see cref="ContentItem.Data"/>, in the order a diff shows them; unlisted fields follow under their own names.</summary>
    public IReadOnlyList<(string Field, string Label)> FieldLabels { get; init; } = [];
}

public enum ContentApiWrites
{
    /// <summary>Read only through the API (403 on a write).</summary>
    None,

    /// <summary>Every write lands as submitted for review; the site's editors publish it.</summary>
    Review,

    /// <summary><c>published: true</c> publishes at once, <c>false</c> takes the public version down.</summary>
    Publish,
}
