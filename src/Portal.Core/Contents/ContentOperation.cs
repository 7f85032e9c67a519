namespace Portal.Core.Contents;

/// <summary>
/// Everything an editor, an import or the API can do to a content item. What each needs and from
/// which states is <see cref="ContentWorkflow"/>'s one table; <see cref="ContentManager"/> checks
/// and applies it for every type (docs/architecture.md, "Content kernel").
/// </summary>
public enum ContentOperation
{
    Save,
    Submit,
    Return,
    Approve,
    Publish,
    Schedule,
    ForcePublish,
    Unpublish,
    Archive,
    Restore,
    Delete,
}

/// <summary>The operations' names in admin addresses and forms (<c>POST /admin/news/{id}/force-publish</c>).</summary>
public static class ContentOperations
{
    private static readonly Dictionary<string, ContentOperation> ByName = new(StringComparer.Ordinal)
    {
        ["save"] = ContentOperation.Save,
        ["submit"] = ContentOperation.Submit,
        ["return"] = ContentOperation.Return,
        ["approve"] = ContentOperation.Approve,
        ["publish"] = ContentOperation.Publish,
        ["schedule"] = ContentOperation.Schedule,
        ["force-publish"] = ContentOperation.ForcePublish,
        ["unpublish"] = ContentOperation.Unpublish,
        ["archive"] = ContentOperation.Archive,
        ["restore"] = ContentOperation.Restore,
        ["delete"] = ContentOperation.Delete,
    };

    /// <summary>The steps a list offers on many items at once.</summary>
    public static readonly IReadOnlyList<ContentOperation> Bulk =
        [ContentOperation.Submit, ContentOperation.Approve, ContentOperation.Publish, ContentOperation.Unpublish, ContentOperation.Archive, ContentOperation.Delete];

    public static bool TryParse(string? name, out ContentOperation operation) => ByName.TryGetValue(name ?? "", out operation);

    public static string Name(this ContentOperation operation) => ByName.First(p => p.Value == operation).Key;

    /// <summary>What the editors call the step (for messages and buttons).</summary>
    public static string Label(this ContentOperation operation) => operation switch
    {
        ContentOperation.Save => "lưu",
        ContentOperation.Submit => "gửi duyệt",
        ContentOperation.Return => "trả lại",
        ContentOperation.Approve => "duyệt",
        ContentOperation.Publish => "xuất bản",
        ContentOperation.Schedule => "hẹn giờ đăng",
        ContentOperation.ForcePublish => "xuất bản không qua duyệt",
        ContentOperation.Unpublish => "gỡ",
        ContentOperation.Archive => "lưu trữ",
        ContentOperation.Restore => "khôi phục",
        _ => "xóa",
    };
}
