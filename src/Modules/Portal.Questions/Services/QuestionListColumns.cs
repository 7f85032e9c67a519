using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// The public list's own columns of a published answer's row: the folded text of the title and the
/// question (the text filter), and the ratings counted from <see cref="QuestionRating"/>, so an
/// answer taken down and published again keeps its votes. Runs after <see cref="QuestionProjection"/>
/// (registered after it), which has saved the row; an answer that is not listed has no row and
/// nothing is updated.
/// </summary>
internal sealed class QuestionListColumns(PortalDbContext db) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [QuestionContent.ContentType];

    public string? FeatureId => QuestionContent.FeatureId;

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = QuestionContent.Read(version.Data);
        var folded = Fold(version.Title, fields.Question);
        var id = version.ContentItemId;
        var ratings = db.Set<QuestionRating>().Where(r => r.ContentItemId == id);
        var useful = await ratings.CountAsync(r => r.Useful, cancellationToken);
        var notUseful = await ratings.CountAsync(r => !r.Useful, cancellationToken);
        await db.Set<PublishedQuestion>().Where(p => p.ContentItemId == id).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.SearchFolded, folded).SetProperty(p => p.UsefulCount, useful).SetProperty(p => p.NotUsefulCount, notUseful),
            cancellationToken);
    }

    internal static string Fold(string title, string question) => TextFolding.Fold(title + " \n " + question);
}
