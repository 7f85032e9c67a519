using Portal.Core.Security;

namespace Portal.Core.Contents;

/// <summary>
/// The four permission templates every content type fills (Orchard Core's ContentTypePermissions):
/// edit one's own items, edit anyone's, approve, publish. A type names the permission that grants
/// each; one permission may grant several templates (a clerk who "manages" documents edits any of
/// them). The operations table (<see cref="ContentWorkflow"/>) speaks only of templates.
/// </summary>
/// <param name="EditOwn">Write, edit and submit one's own items (a reporter).</param>
/// <param name="EditAny">Edit and submit anyone's items, send work back (an editor).</param>
/// <param name="Approve">Approve submitted work (the board head).</param>
/// <param name="Publish">Publish, schedule, take down, archive, restore and delete.</param>
public sealed record ContentTypePermissions(string EditOwn, string EditAny, string Approve, string Publish)
{
    /// <summary>
    /// The permissions a new type declares, named from the templates (<c>EditOwnQuestion</c>,
    /// <c>EditAnyQuestion</c>, <c>ApproveQuestion</c>, <c>PublishQuestion</c>) with the editorial
    /// roles of docs/domain.md as defaults.
    /// </summary>
    /// <param name="typeName">The type's name in permission names (<c>Question</c>).</param>
    /// <param name="displayName">What editors call it, plural, lower case (<c>câu hỏi</c>).</param>
    public static (ContentTypePermissions Names, IReadOnlyList<Permission> Declared) Derive(string typeName, string displayName)
    {
        Permission[] declared =
        [
            new($"EditOwn{typeName}", $"Viết và gửi duyệt {displayName} của mình", "Reporter", "Editor", "Approver"),
            new($"EditAny{typeName}", $"Biên tập {displayName} của người khác", "Editor", "Approver"),
            new($"Approve{typeName}", $"Duyệt {displayName}", "Approver"),
            new($"Publish{typeName}", $"Xuất bản, gỡ, lưu trữ, khôi phục, xóa {displayName}", "Approver"),
        ];
        return (new(declared[0].Name, declared[1].Name, declared[2].Name, declared[3].Name), declared);
    }

    /// <summary>Every distinct permission name the type uses.</summary>
    public IEnumerable<string> All => new[] { EditOwn, EditAny, Approve, Publish }.Distinct(StringComparer.Ordinal);
}

/// <summary>What one person holds of a type's permission templates, and who they are (for "own").</summary>
public sealed record ContentGrants(string UserId, bool EditOwn, bool EditAny, bool Approve, bool Publish)
{
    public static readonly ContentGrants None = new("", false, false, false, false);

    /// <summary>The kernel's own steps (the scheduler, a recipe's operator): every right; the states still rule.</summary>
    public static readonly ContentGrants System = new("system", true, true, true, true);

    /// <summary>May see and open the item at all: their own with EditOwn, anyone's with EditAny or Publish.</summary>
    public bool MayOpen(ContentItem item) => EditAny || Publish || Approve || (EditOwn && IsOwner(item));

    public bool IsOwner(ContentItem item) => UserId.Length > 0 && item.AuthorId == UserId;

    /// <summary>May edit the item's fields: anyone's with EditAny, their own with EditOwn.</summary>
    public bool MayEdit(ContentItem item) => EditAny || (EditOwn && IsOwner(item));
}
