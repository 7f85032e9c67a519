using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>The admin's filters over a site's cases: one list with paging for triage and the inbox.</summary>
public sealed record CaseFilter(string? Status, string? Field, string? Text, bool OverdueOnly, int Page);

/// <summary>The site's cases as the admin lists them.</summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionQueries(PortalDbContext db)
{
    public const int PageSize = 25;

    /// <summary>Cases this site itself must answer now: accepted here, given to a unit here, or received from another site.</summary>
    internal static IQueryable<QuestionCase> HeldForAnswer(IQueryable<QuestionCase> cases) =>
        cases.Where(q => (q.Status == QuestionStatus.Accepted || q.Status == QuestionStatus.Assigned) && q.AssignedTenantId == null);

    public async Task<(List<QuestionCase> Items, int Total)> ListAsync(CaseFilter filter, bool inbox, DateOnly today, CancellationToken cancellationToken)
    {
        var query = db.Set<QuestionCase>().AsNoTracking();
        query = inbox ? HeldForAnswer(query) : query;
        if (!inbox && Enum.TryParse<QuestionStatus>(filter.Status, true, out var status))
        {
            query = query.Where(q => q.Status == status);
        }

        if (QuestionFields.IsKnown(filter.Field))
        {
            query = query.Where(q => q.Field == filter.Field);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(q => (q.Status == QuestionStatus.Received && q.ForwardDue < today)
                || ((q.Status == QuestionStatus.Accepted || q.Status == QuestionStatus.Assigned) && q.AssignedTenantId == null && q.AnswerDue < today));
        }

        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            // A tracking code finds its case; other text searches titles (diacritics as typed: the
            // admin's few hundred open cases need no folded index).
            if (TrackingCodes.Normalize(text) is { } code)
            {
                query = query.Where(q => q.TrackingCode == code);
            }
            else
            {
                var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                query = query.Where(q => EF.Functions.Like(q.Title, pattern, "\\") || EF.Functions.Like(q.SenderName, pattern, "\\"));
            }
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await (inbox ? query.OrderBy(q => q.AnswerDue).ThenBy(q => q.Id) : query.OrderByDescending(q => q.ReceivedUtc).ThenByDescending(q => q.Id))
            .Skip((filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The overdue dashboard: open cases held here that are due today or late, and the counts by agency and field.</summary>
    public async Task<OverdueDashboard> OverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Set<QuestionCase>().AsNoTracking()
            .Where(q => q.AssignedTenantId == null
                && ((q.Status == QuestionStatus.Received && q.ForwardDue <= today)
                    || ((q.Status == QuestionStatus.Accepted || q.Status == QuestionStatus.Assigned) && q.AnswerDue <= today)))
            .OrderBy(q => q.AnswerDue).ThenBy(q => q.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var awayLate = await db.Set<QuestionCase>().AsNoTracking()
            .Where(q => q.AssignedTenantId != null && q.Status == QuestionStatus.Assigned && q.AnswerDue < today)
            .OrderBy(q => q.AnswerDue).Take(1000).ToListAsync(cancellationToken);
        DateOnly Due(QuestionCase q) => q.Status == QuestionStatus.Received ? q.ForwardDue : q.AnswerDue;
        return new OverdueDashboard(
            [.. open.Where(q => Due(q) == today)],
            [.. open.Where(q => Due(q) < today)],
            awayLate,
            [.. open.Concat(awayLate).GroupBy(q => q.AgencyName ?? "(chưa giao)").Select(g => (g.Key, g.Count(q => Due(q) == today), g.Count(q => Due(q) < today))).OrderByDescending(x => x.Item3)],
            [.. open.Concat(awayLate).GroupBy(q => q.Field).Select(g => (QuestionFields.Label(g.Key), g.Count(q => Due(q) == today), g.Count(q => Due(q) < today))).OrderByDescending(x => x.Item3)]);
    }
}

public sealed record OverdueDashboard(
    IReadOnlyList<QuestionCase> DueToday,
    IReadOnlyList<QuestionCase> Overdue,
    IReadOnlyList<QuestionCase> OverdueElsewhere,
    IReadOnlyList<(string Agency, int DueToday, int Overdue)> ByAgency,
    IReadOnlyList<(string Field, int DueToday, int Overdue)> ByField);
