using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>Procedures' own filters in the shared admin list: code (contains), level and online level, from the procedures' index.</summary>
internal sealed class ProcedureListFilter(PortalDbContext db) : IContentListFilter
{
    public string ContentType => ProcedureJson.ContentType;

    public Task<IReadOnlyList<ContentListFilterField>> FieldsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContentListFilterField>>(
        [
            new("code", "Mã thủ tục", []),
            new("level", "Cấp thực hiện", [.. Enum.GetValues<ProcedureLevel>().Select(l => (l.ToString(), ProcedureText.Level(l)))]),
            new("online", "Dịch vụ công trực tuyến", [.. Enum.GetValues<OnlineServiceLevel>().Select(l => (l.ToString(), ProcedureText.Online(l)))]),
        ]);

    public IQueryable<ContentItem> Apply(IQueryable<ContentItem> latest, IReadOnlyDictionary<string, string> values)
    {
        IQueryable<ProcedureIndexEntry> entries = db.Set<ProcedureIndexEntry>().AsNoTracking();
        var filtered = false;
        if (values.TryGetValue("code", out var code) && code.Trim().ToUpperInvariant() is { Length: > 0 } upper)
        {
            entries = entries.Where(e => e.Code.ToUpper().Contains(upper));
            filtered = true;
        }

        if (values.TryGetValue("level", out var levelText) && Enum.TryParse<ProcedureLevel>(levelText, ignoreCase: true, out var level) && Enum.IsDefined(level))
        {
            entries = entries.Where(e => e.Level == level);
            filtered = true;
        }

        if (values.TryGetValue("online", out var onlineText) && Enum.TryParse<OnlineServiceLevel>(onlineText, ignoreCase: true, out var online) && Enum.IsDefined(online))
        {
            entries = entries.Where(e => e.OnlineLevel == online);
            filtered = true;
        }

        return filtered ? latest.Where(c => entries.Any(e => e.ContentItemId == c.ContentItemId)) : latest;
    }

    public async Task<IReadOnlyDictionary<string, string>> DetailsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken) =>
        await db.Set<ProcedureIndexEntry>().AsNoTracking().Where(e => contentItemIds.Contains(e.ContentItemId))
            .GroupBy(e => e.ContentItemId).Select(g => new { Id = g.Key, g.First().Code }).ToDictionaryAsync(x => x.Id, x => "Mã " + x.Code, cancellationToken);
}
