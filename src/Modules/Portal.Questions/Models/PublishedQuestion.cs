using Portal.Core.Contents;

namespace Portal.Questions.Models;

/// <summary>
/// A published answer (content type <c>question</c>) as /hoi-dap and /hoi-dap/{slug} read it, kept by
/// <see cref="Services.QuestionProjection"/>. Holds no personal data except the sender's name when
/// they agreed to show it.
/// </summary>
public sealed class PublishedQuestion : PublishedContentRow
{
    public string Culture { get; set; } = "vi";

    public string Title { get; set; } = "";

    /// <summary>The question's text (plain text).</summary>
    public string Question { get; set; } = "";

    /// <summary>The answer (sanitized HTML).</summary>
    public string Answer { get; set; } = "";

    public string Field { get; set; } = "";

    public string Agency { get; set; } = "";

    public string? SenderName { get; set; }

    public string Answerer { get; set; } = "";

    public DateTime AskedUtc { get; set; }

    public DateTime AnsweredUtc { get; set; }

    public DateTime PublishedUtc { get; set; }

    /// <summary>Title and question folded (TextFolding) for the list's text filter typed without diacritics.</summary>
    public string SearchFolded { get; set; } = "";

    public int UsefulCount { get; set; }

    public int NotUsefulCount { get; set; }
}
