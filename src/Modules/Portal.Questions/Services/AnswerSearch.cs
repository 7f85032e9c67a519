using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Search;

namespace Portal.Questions.Services;

/// <summary>An answered question in search, when it is listed publicly: the question, the answer and who answered; dated by the answer.</summary>
internal sealed class AnswerSearch : ISearchSource
{
    public string ContentType => QuestionContent.ContentType;

    public SearchDocument? Describe(ContentItem published)
    {
        var fields = QuestionContent.Read(published.Data);
        return fields.Listed
            ? new SearchDocument(published.Title, $"{fields.Question}\n{PlainText.FromHtml(fields.Answer)}\n{fields.Agency}".Trim()) { DateUtc = fields.AnsweredUtc == default ? null : fields.AnsweredUtc }
            : null;
    }
}
