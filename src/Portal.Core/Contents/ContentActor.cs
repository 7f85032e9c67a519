using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contents;

/// <summary>Who acts on content, and from where, for versions and the audit trail.</summary>
public sealed record ContentActor(string UserId, string UserName, string RemoteAddress)
{
    public static readonly ContentActor System = new("system", "Hệ thống", "");

    public static ContentActor From(HttpContext context) => new(
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        context.User.Identity?.Name ?? "",
        context.Connection.RemoteIpAddress?.ToString() ?? "");
}

/// <summary>The fields of one save: common ones, and the type's own fields as a JSON object.</summary>
public sealed record ContentDraft(string Title, string Slug, string Data, string Culture = "vi", string? LocalizationSet = null)
{
    /// <summary>The item's category (news category slug, a document's field, ...), copied to <see cref="ContentItem.Category"/>.</summary>
    public string Category { get; init; } = "";
}

/// <summary>A workflow step that is not allowed from the item's state, or a rule broken; the message is for the editor.</summary>
public class ContentWorkflowException(string message) : InvalidOperationException(message);

/// <summary>The id belongs to an item of another type (409 on the API).</summary>
public sealed class ContentTypeConflictException(string message) : ContentWorkflowException(message);
