using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Answers as content items of type <c>question</c>: every save goes through here, so the answer's
/// rich text is sanitized on the server whoever wrote it (the desk, a recipe, the API).
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class AnswerWriter(HtmlSanitizer sanitizer)
{
    internal ContentDraft Draft(string title, string slug, AnswerFields fields, string culture = "vi")
    {
        fields.Answer = sanitizer.Sanitize(fields.Answer);
        return new ContentDraft(title, slug, QuestionContent.Write(fields), culture) { Category = fields.Field };
    }
}
