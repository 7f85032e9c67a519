using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Questions.Services;

namespace Portal.Questions.ViewModels;

public sealed class CaseListViewModel
{
    public required bool Inbox { get; init; }

    public required CaseFilter Filter { get; init; }

    public required IReadOnlyList<QuestionCase> Items { get; init; }

    public required int Total { get; init; }

    public required DateOnly Today { get; init; }

    public int PageCount => Math.Max(1, (Total + QuestionQueries.PageSize - 1) / QuestionQueries.PageSize);
}

public sealed class CaseViewModel
{
    public required QuestionCase Case { get; init; }

    public required IReadOnlyList<QuestionStep> History { get; init; }

    public required IReadOnlyList<QuestionAttachment> Attachments { get; init; }

    public required IReadOnlyList<Tenant> Destinations { get; init; }

    public required DateOnly Today { get; init; }

    public required bool MayTriage { get; init; }

    public required bool MayAnswer { get; init; }

    /// <summary>The site names of the steps' other sites (transfers), by id.</summary>
    public required IReadOnlyDictionary<int, string> SiteNames { get; init; }

    /// <summary>The form the last post came from, to show its message beside its field.</summary>
    public string? FailedStep { get; init; }

    public string? Unit { get; init; }

    public string? Reason { get; init; }

    public string? Notice { get; init; }

    public string? MergeInto { get; init; }
}

/// <summary>The answer editor: the published question text, the answer and who signs it.</summary>
public sealed class AnswerEditViewModel : Portal.Core.Contents.ContentEditModel
{
    public string? Title { get; set; }

    public string? Question { get; set; }

    public string? Answer { get; set; }

    public string? Answerer { get; set; }

    public string? Agency { get; set; }

    public bool Listed { get; set; }

    /// <summary>The case the answer belongs to (null for an item imported without one).</summary>
    public QuestionCase? Case { get; set; }
}
