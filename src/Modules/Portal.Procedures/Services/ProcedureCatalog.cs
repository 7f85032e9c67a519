using Microsoft.EntityFrameworkCore;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>The public filters of the procedures list; null means "any".</summary>
internal sealed record ProcedureFilter(string? Search, string? Field, ProcedureLevel? Level, string? Agency, OnlineServiceLevel? Online);

/// <summary>What the public pages read: the procedures visible on the site (own and shared), filtered and paged.</summary>
public sealed class ProcedureCatalog(ProvinceProcedureSource source)
{
    internal async Task<(IReadOnlyList<PublishedProcedure> Items, int Total)> SearchAsync(ProcedureFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = source.Visible();
        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(p => p.Field == filter.Field);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(p => p.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            query = query.Where(p => p.Agency == filter.Agency);
        }

        if (filter.Online is { } online)
        {
            query = query.Where(p => p.OnlineLevel == online);
        }

        var exact = filter.Search?.Trim() ?? "";
        if (exact.Length > 0)
        {
            var folded = TextFolding.Fold(exact);
            var code = ProcedureEnvelope.NormalizeCode(exact); // codes are stored upper-cased
            query = query.Where(p => p.NameFolded.Contains(folded) || p.Code.Contains(code));
        }

        var total = await query.CountAsync(cancellationToken);

        // Folding makes dương/đường collide: a name with the exact diacritics typed comes first.
        var ordered = exact.Length > 0
            ? query.OrderBy(p => p.Name.Contains(exact) ? 0 : 1).ThenBy(p => p.Field).ThenBy(p => p.Code)
            : query.OrderBy(p => p.Field).ThenBy(p => p.Code);
        var items = await ordered.ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken cancellationToken) =>
        await source.Visible().Where(p => p.Field != "").Select(p => p.Field).Distinct().OrderBy(f => f).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken cancellationToken) =>
        await source.Visible().Where(p => p.Agency != "").Select(p => p.Agency).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>A procedure by its address; the site's own wins over a shared one with the same slug.</summary>
    internal async Task<PublishedProcedure?> FindAsync(string slug, int siteId, CancellationToken cancellationToken) =>
        (await source.Visible().Where(p => p.Slug == slug).ToListAsync(cancellationToken))
            .OrderBy(p => p.TenantId == siteId ? 0 : 1).FirstOrDefault();
}
