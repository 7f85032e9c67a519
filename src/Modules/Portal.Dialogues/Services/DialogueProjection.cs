using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>
/// Keeps the module's tables in step with the content lifecycle, whoever moves the dialogue (its
/// desk, the shared Contents admin, recipes): every saved version updates the plan the stage job
/// reads (<see cref="Dialogue"/>, made at the first save with the stage "upcoming"); the published
/// version is what the public pages read (<see cref="PublishedDialogue"/>).
/// </summary>
internal sealed class DialogueProjection(PortalDbContext db, TimeProvider clock) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [DialogueContent.ContentType];

    public string? FeatureId => DialogueContent.FeatureId;

    public async Task SavedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = DialogueContent.Read(version.Data);
        var dialogue = await db.Set<Dialogue>().FirstOrDefaultAsync(d => d.ContentItemId == version.ContentItemId, cancellationToken);
        if (dialogue is null)
        {
            dialogue = new Dialogue
            {
                ContentItemId = version.ContentItemId,
                Stage = DialogueStage.Upcoming,
                StageChangedUtc = clock.GetUtcNow().UtcDateTime,
                StageChangedBy = version.ModifiedByName,
            };
            db.Add(dialogue);
        }

        dialogue.StartUtc = fields.StartUtc;
        dialogue.EndUtc = fields.EndUtc;
        dialogue.QuestionsCloseUtc = fields.QuestionsCloseUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = DialogueContent.Read(version.Data);
        var row = await db.RowForAsync<PublishedDialogue>(version, cancellationToken);
        row.Title = version.Title;
        row.StartUtc = fields.StartUtc;
        row.EndUtc = fields.EndUtc;
        row.Data = version.Data;
        row.UpdatedUtc = version.ModifiedUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) =>
        db.RemoveRowAsync<PublishedDialogue>(item, cancellationToken);
}
