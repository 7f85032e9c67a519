using Portal.Search.Services;

namespace Portal.Search.ViewModels;

public sealed class SearchPageViewModel
{
    public string Query { get; init; } = "";

    public IReadOnlyList<(string Type, string Name, bool Selected)> Types { get; init; } = [];

    public string From { get; init; } = "";

    public string To { get; init; } = "";

    public bool AllSites { get; init; }

    public bool CanSearchBelow { get; init; }

    public bool NewestFirst { get; init; }

    /// <summary>Messages beside the fields (from, to).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public SearchResults Results { get; init; } = SearchResults.Empty;

    public bool Searched { get; init; }

    /// <summary>Each hit's link: app-relative on this site, absolute on another.</summary>
    public Func<SearchHit, string> Href { get; init; } = _ => "#";

    public int CurrentSiteId { get; init; }
}
