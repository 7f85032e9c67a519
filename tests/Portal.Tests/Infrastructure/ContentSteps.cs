using Portal.Core.Contents;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The lifecycle's steps by id for tests that drive the kernel directly (as the scheduler does):
/// the states rule, no person's rights are asked. Tests of who may do what go through
/// <see cref="ContentManager.ApplyAsync"/> or the admin over HTTP.
/// </summary>
internal static class ContentSteps
{
    public static Task<ContentItem?> LatestAsync(this ContentManager m, string id) => m.LatestAsync(AllTypes, id);

    public static Task<ContentItem> SaveAsync(this ContentManager m, string id, ContentDraft draft, ContentActor actor) => m.RunAsync(id, ContentCommand.Save(draft), actor);

    public static Task<ContentItem> SubmitAsync(this ContentManager m, string id, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Submit), actor);

    public static Task<ContentItem> ApproveAsync(this ContentManager m, string id, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Approve), actor);

    public static Task<ContentItem> ReturnAsync(this ContentManager m, string id, ContentActor actor, string? reason) => m.RunAsync(id, new(ContentOperation.Return) { Reason = reason }, actor);

    public static Task<ContentItem> PublishAsync(this ContentManager m, string id, ContentActor actor, DateTime? at = null) => m.RunAsync(id, new(ContentOperation.Publish) { AtUtc = at }, actor);

    public static Task<ContentItem> ForcePublishAsync(this ContentManager m, string id, ContentActor actor, string reason) => m.RunAsync(id, new(ContentOperation.ForcePublish) { Reason = reason }, actor);

    public static Task<ContentItem> UnpublishAsync(this ContentManager m, string id, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Unpublish), actor);

    public static Task<ContentItem> ArchiveAsync(this ContentManager m, string id, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Archive), actor);

    public static Task<ContentItem> RestoreAsync(this ContentManager m, string id, int version, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Restore) { Version = version }, actor);

    public static Task<ContentItem> DeleteAsync(this ContentManager m, string id, ContentActor actor) => m.RunAsync(id, new(ContentOperation.Delete), actor);

    public static async Task<IReadOnlyList<ContentAuditEntry>> AuditAsync(this ContentManager m, string id) => await m.AuditAsync((await m.LatestAnyAsync(id))!);

    public static async Task<IReadOnlyList<ContentItem>> VersionsAsync(this ContentManager m, string id) => await m.VersionsAsync((await m.LatestAnyAsync(id))!);

    /// <summary>The latest version, deleted or not (history stays readable after a delete).</summary>
    private static async Task<ContentItem?> LatestAnyAsync(this ContentManager m, string id) => await m.LatestAsync(id) ?? await m.LatestIncludingDeletedAsync(id);

    private static readonly string[] AllTypes = ["news", "page", "legal-document", "procedure"];
}
