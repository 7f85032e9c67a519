using System.ComponentModel.DataAnnotations;
using Portal.Search.Models;
using Portal.Search.Services;

namespace Portal.Search.ViewModels;

/// <summary>/admin/search: the site's synonym groups, best bets and the most frequent queries that found nothing.</summary>
internal sealed class SearchAdminIndexViewModel
{
    public required IReadOnlyList<SearchSynonymGroup> Synonyms { get; init; }

    /// <summary>The bets by query, in their order.</summary>
    public required IReadOnlyList<IGrouping<string, SearchBestBet>> BestBets { get; init; }

    /// <summary>The bets whose item is on the site's index now; the others show nothing until it is published again.</summary>
    public required IReadOnlySet<int> Showing { get; init; }

    public required IReadOnlyList<SearchMiss> Misses { get; init; }

    public int MissTotal { get; init; }
}

/// <summary>Adding or editing a synonym group: its terms, one per line.</summary>
public sealed class SearchAdminSynonymForm
{
    public int? Id { get; set; }

    [Display(Name = "Các từ, cụm từ đồng nghĩa (mỗi dòng một từ)")]
    public string? Terms { get; set; }
}

/// <summary>Adding a best bet: the query, and an item found with the admin's search box.</summary>
public sealed class SearchAdminBestBetForm
{
    [Display(Name = "Từ khóa")]
    public string? Query { get; set; }

    /// <summary>The words the editor searched the site with to find the item (the query by default).</summary>
    [Display(Name = "Tìm nội dung")]
    public string? Find { get; set; }

    /// <summary>The chosen item's index key (<see cref="SearchDocuments.KeyOf"/>).</summary>
    public string? Key { get; set; }
}

internal sealed class SearchAdminBestBetViewModel
{
    public required SearchAdminBestBetForm Form { get; init; }

    public IReadOnlyList<SearchHit> Found { get; init; } = [];

    public bool Searched { get; init; }

    /// <summary>The query's bets so far.</summary>
    public IReadOnlyList<SearchBestBet> Current { get; init; } = [];
}

internal sealed class SearchAdminMissesViewModel
{
    public required IReadOnlyList<SearchMiss> Items { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageSize { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
