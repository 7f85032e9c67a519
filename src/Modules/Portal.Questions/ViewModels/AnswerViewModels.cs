using Portal.Questions.Models;

namespace Portal.Questions.ViewModels;

internal sealed class AnswerListViewModel
{
    public IReadOnlyList<PublishedQuestion> Items { get; init; } = [];

    /// <summary>The fields that occur, as (slug, label), in the label's order.</summary>
    public IReadOnlyList<(string Slug, string Label)> Fields { get; init; } = [];

    public IReadOnlyList<string> Agencies { get; init; } = [];

    public string? Search { get; init; }

    public string? Field { get; init; }

    public string? Agency { get; init; }

    /// <summary>Why the list is empty when a filter could not match anything (an overlong text).</summary>
    public string? Message { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageCount { get; init; }
}

internal sealed class AnswerDetailViewModel
{
    public required PublishedQuestion Answer { get; init; }

    /// <summary>What the rating's redirect asks the page to say (<c>?danh-gia=</c>): thanks, or that the visitor had voted already.</summary>
    public string? RatingMessage { get; init; }
}

internal sealed class RatingConfirmViewModel
{
    public required PublishedQuestion Answer { get; init; }

    /// <summary>The choice carried from the answer page's buttons; null asks the visitor to choose.</summary>
    public bool? Useful { get; init; }
}

internal sealed class StatisticsViewModel
{
    public required Services.StatisticsReport Report { get; init; }

    public string? Message { get; init; }
}
