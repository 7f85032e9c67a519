using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>Ratings of one agency's answers: how many visitors found them useful or not.</summary>
internal sealed record AgencyRatings(string Agency, int Useful, int NotUseful);

/// <summary>The board's statistics of a period: the same tables on the page and in the .xlsx.</summary>
internal sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    StatisticsLine Total,
    IReadOnlyList<StatisticsLine> ByAgency,
    IReadOnlyList<StatisticsLine> ByField,
    IReadOnlyList<StatisticsLine> ByMonth,
    IReadOnlyList<AgencyRatings> Ratings);

/// <summary>
/// Reads the current site's cases received in a period (Vietnamese dates, both ends included) and
/// counts them (<see cref="QuestionStatisticsRules"/>); ratings are the votes cast in the period.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionStatistics(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The longest period shown: ten years of months.</summary>
    public const int MaxDays = 3660;

    internal async Task<StatisticsReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = VietnamTime.StartOfDayUtc(from.ToDateTime(TimeOnly.MinValue)) ?? VietnamTime.Earliest;
        var end = VietnamTime.StartOfDayUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) ?? VietnamTime.Latest;
        var rows = await db.Set<QuestionCase>().AsNoTracking()
            .Where(q => q.ReceivedUtc >= start && q.ReceivedUtc < end)
            .Select(q => new { q.Field, q.AgencyName, q.AssignedUnit, q.Status, q.ReceivedUtc, q.AnsweredUtc, q.AnswerDue })
            .ToListAsync(cancellationToken);
        var cases = rows.Select(q => new CaseFacts(
            q.Field,
            q.AgencyName is { Length: > 0 } agency ? agency : q.AssignedUnit is { Length: > 0 } unit ? unit : QuestionStatisticsRules.NoAgency,
            q.Status, q.ReceivedUtc, q.AnsweredUtc, q.AnswerDue)).ToList();

        var ratings = await db.Set<QuestionRating>().AsNoTracking()
            .Where(r => r.AtUtc >= start && r.AtUtc < end)
            .GroupBy(r => r.Agency)
            .Select(g => new { Agency = g.Key, Useful = g.Count(r => r.Useful), NotUseful = g.Count(r => !r.Useful) })
            .ToListAsync(cancellationToken);

        var today = VietnamTime.Today(clock);
        return new StatisticsReport(
            from,
            to,
            QuestionStatisticsRules.Total(cases, today),
            QuestionStatisticsRules.ByAgency(cases, today),
            QuestionStatisticsRules.ByField(cases, today),
            QuestionStatisticsRules.ByMonth(cases, from, to, today),
            [.. ratings.OrderBy(r => r.Agency, StringComparer.Ordinal).Select(r => new AgencyRatings(r.Agency == "" ? QuestionStatisticsRules.NoAgency : r.Agency, r.Useful, r.NotUseful))]);
    }
}
