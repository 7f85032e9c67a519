using Microsoft.EntityFrameworkCore;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>Questions waiting for the board's triage (index TenantId, Status, AnswerDue).</summary>
internal sealed class TriageMenuCount(PortalDbContext db) : IAdminMenuCount
{
    public string Path => "~/admin/hoi-dap";

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Set<QuestionCase>().CountAsync(q => q.Status == QuestionStatus.Received, cancellationToken);
}

/// <summary>Questions this site holds for an answer (received by transfer, accepted, or given to one of its units).</summary>
internal sealed class InboxMenuCount(PortalDbContext db) : IAdminMenuCount
{
    public string Path => "~/admin/hoi-dap/duoc-giao";

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        QuestionQueries.HeldForAnswer(db.Set<QuestionCase>()).CountAsync(cancellationToken);
}
