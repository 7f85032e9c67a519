using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Search.Models;

namespace Portal.Search.Services;

/// <summary>A site's best bets for /admin/search: an item of the site's index chosen for a query, shown first in that order.</summary>
public sealed class SearchBestBetStore(PortalDbContext db, IMemoryCache cache, TenantContext current, TimeProvider clock, SearchIndex index)
{
    /// <summary>More than a few "first" results is a results page of its own: the rest is ranking's job.</summary>
    public const int MaxPerQuery = 5;

    public const int MaxQueryLength = 200;

    public async Task<IReadOnlyList<SearchBestBet>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<SearchBestBet>().AsNoTracking().OrderBy(b => b.NormalizedQuery).ThenBy(b => b.Position).ThenBy(b => b.Id).ToListAsync(cancellationToken);

    /// <summary>The bets whose item is in the site's index now (published, not taken down since).</summary>
    public IReadOnlySet<int> Showing(IEnumerable<SearchBestBet> bets) =>
        index.Search(searcher => bets.Where(b => Find(searcher, SearchDocuments.KeyOf(current.TenantId, b.ContentType, b.ContentItemId)) is not null).Select(b => b.Id).ToHashSet())
        ?? new HashSet<int>();

    /// <summary>Adds an item (by its index key, as the admin's search returned it) at the end of the query's bets.</summary>
    /// <returns>The error (field, message) when refused.</returns>
    public async Task<(string Field, string Message)?> AddAsync(string? query, string? key, CancellationToken cancellationToken)
    {
        var typed = SearchRefinementText.Tidy(query);
        var normalized = SearchRefinementText.Normalize(typed);
        if (normalized.Length == 0 || typed.Length > MaxQueryLength)
        {
            return ("Query", $"Nhập từ khóa (có chữ hoặc số, tối đa {MaxQueryLength} ký tự).");
        }

        var parsed = ParseKey(key);
        var item = parsed is null ? null : index.Search(searcher => Find(searcher, key!) is { } title ? new[] { title } : [])?.FirstOrDefault();
        if (parsed is not { } chosen || item is null)
        {
            return ("Key", "Chọn một nội dung đang hiển thị trên trang này (tìm rồi bấm \"Chọn\").");
        }

        var (type, id) = chosen;
        var existing = await db.Set<SearchBestBet>().Where(b => b.NormalizedQuery == normalized).ToListAsync(cancellationToken);
        if (existing.Any(b => b.ContentType == type && b.ContentItemId == id))
        {
            return ("Key", "Nội dung này đã là kết quả ưu tiên của từ khóa này.");
        }

        if (existing.Count >= MaxPerQuery)
        {
            return ("Query", $"Mỗi từ khóa có tối đa {MaxPerQuery} kết quả ưu tiên; hãy xóa bớt trước.");
        }

        db.Add(new SearchBestBet
        {
            Query = typed,
            NormalizedQuery = normalized,
            ContentType = type,
            ContentItemId = id,
            Title = item.Length > SearchRefinementsModel.TitleLength ? item[..SearchRefinementsModel.TitleLength] : item,
            Position = existing.Count == 0 ? 0 : existing.Max(b => b.Position) + 1,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        SearchRefinementSnapshot.Forget(cache, current.TenantId);
        return null;
    }

    /// <summary>Swaps a bet with the one before it (<paramref name="up"/>) or after it, among the bets of its query.</summary>
    public async Task<bool> MoveAsync(int id, bool up, CancellationToken cancellationToken)
    {
        var bet = await db.Set<SearchBestBet>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bet is null)
        {
            return false;
        }

        var order = await db.Set<SearchBestBet>().Where(b => b.NormalizedQuery == bet.NormalizedQuery).OrderBy(b => b.Position).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        var at = order.FindIndex(b => b.Id == id);
        var to = up ? at - 1 : at + 1;
        if (to >= 0 && to < order.Count)
        {
            (order[at], order[to]) = (order[to], order[at]);
        }

        // Renumbered whole: positions stay 0..n-1 whatever deletions left behind.
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Position = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        SearchRefinementSnapshot.Forget(cache, current.TenantId);
        return true;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<SearchBestBet>().Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        SearchRefinementSnapshot.Forget(cache, current.TenantId);
        return deleted;
    }

    /// <summary>The type and id of an index key of this site (<see cref="SearchDocuments.KeyOf"/>); null for another site's or a malformed key.</summary>
    internal (string Type, string Id)? ParseKey(string? key)
    {
        var parts = (key ?? "").Split(':');
        return parts.Length == 3
            && parts[0] == current.TenantId.ToString(CultureInfo.InvariantCulture)
            && parts[1].Length is > 0 and <= SearchRefinementsModel.ContentTypeLength
            && parts[2].Length is > 0 and <= SearchRefinementsModel.ContentItemIdLength
            ? (parts[1], parts[2])
            : null;
    }

    /// <summary>The stored title of the site's document with this key, or null when the index has none.</summary>
    private string? Find(IndexSearcher searcher, string key)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchDocuments.Key, key)), Occur.MUST },
            { new TermQuery(SearchDocuments.SiteTerm(current.TenantId)), Occur.MUST },
        };
        var top = searcher.Search(query, 1);
        return top.ScoreDocs.Length == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).Get(SearchDocuments.Title) ?? "";
    }
}
