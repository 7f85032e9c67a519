using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Keeps <c>QuestionsPublished</c> (what /hoi-dap and /hoi-dap/{slug} read) in step with the answers'
/// lifecycle, whoever moves them: the desk, the shared Contents admin, recipes, the API. An answer
/// that is not listed on this site (no consent, or an answering agency that chose not to show it)
/// has no row, though its item is published (released to the sender).
/// </summary>
internal sealed class QuestionProjection(PortalDbContext db) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [QuestionContent.ContentType];

    public string? FeatureId => QuestionContent.FeatureId;

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = QuestionContent.Read(version.Data);
        if (!fields.Listed)
        {
            await db.RemoveRowAsync<PublishedQuestion>(version, cancellationToken);
            return;
        }

        var row = await db.RowForAsync<PublishedQuestion>(version, cancellationToken);
        row.Culture = version.Culture;
        row.Title = version.Title;
        row.Question = fields.Question;
        row.Answer = fields.Answer;
        row.Field = fields.Field;
        row.Agency = fields.Agency;
        row.Answerer = fields.Answerer;
        row.SenderName = fields.SenderName;
        row.AskedUtc = fields.AskedUtc == default ? version.CreatedUtc : fields.AskedUtc;
        row.AnsweredUtc = fields.AnsweredUtc == default ? version.ModifiedUtc : fields.AnsweredUtc;
        row.PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc;
        row.SearchFolded = Fold(version.Title, fields.Question);

        // Counted from the ratings themselves, so an answer taken down and published again keeps its votes.
        var ratings = db.Set<QuestionRating>().Where(r => r.ContentItemId == version.ContentItemId);
        row.UsefulCount = await ratings.CountAsync(r => r.Useful, cancellationToken);
        row.NotUsefulCount = await ratings.CountAsync(r => !r.Useful, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) =>
        db.RemoveRowAsync<PublishedQuestion>(item, cancellationToken);

    /// <summary>The folded text of the title and the question, which the public list's text filter matches.</summary>
    internal static string Fold(string title, string question) => TextFolding.Fold(title + " \n " + question);
}
