using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>One entry of a question's public history in the API.</summary>
public sealed record QuestionApiStep(DateTime AtUtc, string Kind, string Text, DateOnly? Due);

/// <summary>
/// A question as the API shows it: what <c>/hoi-dap/tra-cuu</c> shows (no name, e-mail, phone,
/// address, staff or internal note) plus its addresses; <c>updatedUtc</c> in the client's list.
/// </summary>
public sealed record QuestionApiStatus(
    string TrackingCode,
    string Title,
    string Field,
    string Status,
    string StatusText,
    DateTime ReceivedUtc,
    DateTime? UpdatedUtc,
    DateOnly AnswerDue,
    bool DueIsProvisional,
    string? ExtensionReason,
    string? Agency,
    string? RejectionNote,
    string? AnswerUrl,
    string LookupUrl,
    IReadOnlyList<QuestionApiStep> History)
{
    /// <summary>The public status of <see cref="QuestionLookup"/>, with absolute addresses under <paramref name="siteBase"/>.</summary>
    public static QuestionApiStatus From(PublicQuestionStatus s, DateTime? updatedUtc, string siteBase) => new(
        s.TrackingCode,
        s.Title,
        s.Field,
        QuestionTexts.ApiName(s.Status),
        QuestionTexts.Status(s.Status),
        s.ReceivedUtc,
        updatedUtc,
        s.AnswerDue,
        s.DueIsProvisional,
        s.ExtensionReason,
        s.Agency,
        s.RejectionNote,
        s.AnswerPath is { } path ? siteBase + path.TrimStart('~') : null,
        QuestionApiAddresses.Lookup(siteBase, s.TrackingCode),
        [.. s.History.Select(h => new QuestionApiStep(h.AtUtc, CamelCase(h.Kind), h.Text, h.Due))]);

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>The answer of <c>POST /api/questions</c>.</summary>
public sealed record QuestionApiReceipt(string TrackingCode, string Status, DateOnly AnswerDue, string LookupUrl);

/// <summary>One page of a client's submissions; <c>next</c> is the address of the next page, null on the last.</summary>
public sealed record QuestionApiPage(IReadOnlyList<QuestionApiStatus> Items, string? Next);

internal static class QuestionApiAddresses
{
    public static string Lookup(string siteBase, string code) =>
        siteBase + QuestionAddresses.Lookup.TrimStart('~') + "?ma=" + Uri.EscapeDataString(code);
}

/// <summary>A position in a client's list: the last row's update time and id (<c>{ticks}-{id}</c>).</summary>
internal readonly record struct QuestionCursor(long Ticks, int Id)
{
    public override string ToString() => $"{Ticks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out QuestionCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (text is null || dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new QuestionCursor(ticks, id);
        return true;
    }
}

/// <summary>
/// <c>GET /api/questions</c>: one client's submissions on the current site (the tenant filter), by
/// last update then id, with their public history, in three queries a page whatever its length.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionApiQueries(PortalDbContext db)
{
    internal async Task<(List<(PublicQuestionStatus Status, DateTime UpdatedUtc)> Items, QuestionCursor? Next)> ListAsync(
        string clientKey, IReadOnlyCollection<QuestionStatus> statuses, DateTime? since, QuestionCursor? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.Set<QuestionCase>().AsNoTracking().Where(q => q.ApiClientId == clientKey && q.Source == QuestionSource.Api);
        if (statuses.Count > 0)
        {
            query = query.Where(q => statuses.Contains(q.Status));
        }

        if (since is { } from)
        {
            query = query.Where(q => q.UpdatedUtc >= from);
        }

        if (after is { } position)
        {
            var at = new DateTime(position.Ticks, DateTimeKind.Utc);
            query = query.Where(q => q.UpdatedUtc > at || (q.UpdatedUtc == at && q.Id > position.Id));
        }

        var cases = await query.OrderBy(q => q.UpdatedUtc).ThenBy(q => q.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var more = cases.Count > limit;
        if (more)
        {
            cases.RemoveAt(cases.Count - 1);
        }

        var ids = cases.Select(c => c.Id).ToList();
        var steps = (await db.Set<QuestionStep>().AsNoTracking()
                .Where(s => ids.Contains(s.CaseId) && s.PublicText != null)
                .Select(s => new { s.CaseId, s.Id, s.AtUtc, s.Kind, s.PublicText, s.Due })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.AtUtc).ThenBy(s => s.Id)
            .ToLookup(s => s.CaseId, s => new PublicQuestionStep(s.AtUtc, s.Kind.ToString(), s.PublicText!, s.Due));
        var answerIds = cases.Where(c => c.Status == QuestionStatus.Published && c.AnswerContentItemId is not null).Select(c => c.AnswerContentItemId!).ToList();
        var answers = answerIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Set<PublishedQuestion>().AsNoTracking().Where(p => answerIds.Contains(p.ContentItemId))
                .ToDictionaryAsync(p => p.ContentItemId, p => QuestionAddresses.Answer(p.Slug), cancellationToken);

        var items = cases.Select(q => (new PublicQuestionStatus(
                q.TrackingCode, q.Title, q.Field, q.Status, q.ReceivedUtc, q.AnswerDue, q.DueIsProvisional, q.ExtensionReason,
                q.AgencyName, q.RejectionNote,
                q.Status == QuestionStatus.Published && q.AnswerContentItemId is { } id ? answers.GetValueOrDefault(id) : null,
                [.. steps[q.Id]]), q.UpdatedUtc))
            .ToList();
        return (items, more && cases.Count > 0 ? new QuestionCursor(cases[^1].UpdatedUtc.Ticks, cases[^1].Id) : null);
    }
}
