using Portal.Core;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>What the statistics need of one case (a row of the Questions table).</summary>
internal sealed record CaseFacts(string Field, string Agency, QuestionStatus Status, DateTime ReceivedUtc, DateTime? AnsweredUtc, DateOnly AnswerDue);

/// <summary>Where a case stands for the board's statistics.</summary>
internal enum CaseOutcome
{
    AnsweredOnTime,
    AnsweredLate,

    /// <summary>Still with the site and its answer deadline not passed.</summary>
    Open,

    /// <summary>Still with the site and its answer deadline passed.</summary>
    Overdue,
    Rejected,

    /// <summary>Merged into another question: received, counted with the one it joined.</summary>
    Merged,
}

/// <summary>One line of a statistics table: its counts add up (received = every other column).</summary>
internal sealed record StatisticsLine(string Key, string Label, int Received, int OnTime, int Late, int Open, int Overdue, int Rejected)
{
    public int Answered => OnTime + Late;
}

/// <summary>
/// The board's counting rules, with no database or clock. Answered on time: the Vietnamese date of
/// the answer is on or before the answer deadline (the deadline is due by the end of its day);
/// overdue: still open after that day.
/// </summary>
internal static class QuestionStatisticsRules
{
    public const string NoAgency = "Chưa giao cơ quan";

    public static CaseOutcome Classify(CaseFacts c, DateOnly today)
    {
        if (c.AnsweredUtc is { } answered)
        {
            return DateOnly.FromDateTime(VietnamTime.FromUtc(answered)) <= c.AnswerDue ? CaseOutcome.AnsweredOnTime : CaseOutcome.AnsweredLate;
        }

        return c.Status switch
        {
            QuestionStatus.Rejected => CaseOutcome.Rejected,
            QuestionStatus.Merged => CaseOutcome.Merged,

            // An answer recorded without its time (an older import) is not held against the agency.
            QuestionStatus.Answered or QuestionStatus.Published => CaseOutcome.AnsweredOnTime,
            _ => c.AnswerDue < today ? CaseOutcome.Overdue : CaseOutcome.Open,
        };
    }

    public static StatisticsLine Line(string key, string label, IEnumerable<CaseFacts> cases, DateOnly today)
    {
        int received = 0, onTime = 0, late = 0, open = 0, overdue = 0, rejected = 0;
        foreach (var c in cases)
        {
            received++;
            switch (Classify(c, today))
            {
                case CaseOutcome.AnsweredOnTime: onTime++; break;
                case CaseOutcome.AnsweredLate: late++; break;
                case CaseOutcome.Open: open++; break;
                case CaseOutcome.Overdue: overdue++; break;
                case CaseOutcome.Rejected: rejected++; break;
            }
        }

        return new StatisticsLine(key, label, received, onTime, late, open, overdue, rejected);
    }

    public static IReadOnlyList<StatisticsLine> ByAgency(IReadOnlyList<CaseFacts> cases, DateOnly today) =>
        [.. cases.GroupBy(c => c.Agency).OrderBy(g => g.Key == NoAgency ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Line(g.Key, g.Key, g, today))];

    public static IReadOnlyList<StatisticsLine> ByField(IReadOnlyList<CaseFacts> cases, DateOnly today) =>
        [.. cases.GroupBy(c => c.Field).OrderBy(g => QuestionFields.Label(g.Key), StringComparer.Ordinal).Select(g => Line(g.Key, QuestionFields.Label(g.Key), g, today))];

    /// <summary>Every month of the period, empty ones too (a chart's gaps are information), by the Vietnamese date of receipt.</summary>
    public static IReadOnlyList<StatisticsLine> ByMonth(IReadOnlyList<CaseFacts> cases, DateOnly from, DateOnly to, DateOnly today)
    {
        var byMonth = cases.ToLookup(c => MonthOf(c.ReceivedUtc));
        var lines = new List<StatisticsLine>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            lines.Add(Line(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), month.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), byMonth[month], today));
        }

        return lines;
    }

    public static StatisticsLine Total(IReadOnlyList<CaseFacts> cases, DateOnly today) => Line("", "Tổng cộng", cases, today);

    private static DateOnly MonthOf(DateTime utc)
    {
        var day = DateOnly.FromDateTime(VietnamTime.FromUtc(utc));
        return new DateOnly(day.Year, day.Month, 1);
    }
}
