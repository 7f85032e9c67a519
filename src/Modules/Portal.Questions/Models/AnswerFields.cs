namespace Portal.Questions.Models;

/// <summary>
/// The fields of a <c>question</c> content item: the published question and its answer, as the
/// editors draft, review and approve it. No personal data: the sender's name only when they agreed
/// to show it; the case (with the e-mail, phone and address) stays in <see cref="QuestionCase"/>.
/// </summary>
public sealed class AnswerFields
{
    /// <summary>The question as it is published (the board may shorten it or remove personal details).</summary>
    public string Question { get; set; } = "";

    /// <summary>The field's slug (<see cref="Services.QuestionFields"/>).</summary>
    public string Field { get; set; } = "";

    /// <summary>The agency that answered, as shown (Sở Xây dựng, UBND xã Hồng Hà).</summary>
    public string Agency { get; set; } = "";

    /// <summary>The answer: rich text, sanitized on every save.</summary>
    public string Answer { get; set; } = "";

    /// <summary>Who signs the answer (a person's title or the agency's office).</summary>
    public string Answerer { get; set; } = "";

    /// <summary>The sender's name, only when they agreed to show it; null otherwise.</summary>
    public string? SenderName { get; set; }

    /// <summary>When the question was received (UTC).</summary>
    public DateTime AskedUtc { get; set; }

    /// <summary>When the answer was approved (UTC).</summary>
    public DateTime AnsweredUtc { get; set; }

    /// <summary>Whether this site lists the answer publicly: false for a sender who did not consent, or for an answering agency that chose not to show it.</summary>
    public bool Listed { get; set; } = true;
}
