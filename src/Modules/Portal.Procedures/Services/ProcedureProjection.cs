using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>
/// Keeps the two procedure tables in step with the content lifecycle: the editors' index follows
/// every saved version, the published projection follows what citizens see.
/// </summary>
internal sealed class ProcedureProjection(PortalDbContext db) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [ProcedureJson.ContentType];

    public string? FeatureId => ProcedureJson.FeatureId;

    public async Task SavedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = ProcedureJson.Read(version.Data);
        var entry = await db.Set<ProcedureIndexEntry>().FirstOrDefaultAsync(e => e.ContentItemId == version.ContentItemId, cancellationToken);
        if (entry is null)
        {
            entry = new ProcedureIndexEntry { ContentItemId = version.ContentItemId };
            db.Add(entry);
        }

        entry.Code = fields.Code;
        entry.NameFolded = Fold(version.Title);
        entry.Field = fields.Field;
        entry.Level = fields.Level;
        entry.OnlineLevel = fields.OnlineLevel;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = ProcedureJson.Read(version.Data);
        var row = await db.RowForAsync<PublishedProcedure>(version, cancellationToken);
        row.Code = fields.Code;
        row.Name = version.Title;
        row.NameFolded = Fold(version.Title);
        row.Field = fields.Field;
        row.Level = fields.Level;
        row.Agency = fields.Agency;
        row.OnlineLevel = fields.OnlineLevel;
        row.PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc;
        row.Data = version.Data;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        await db.Set<PublishedProcedure>().Where(p => p.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        if (item.Deleted)
        {
            // A deleted item frees its code: a later import of that code makes a new procedure.
            await db.Set<ProcedureIndexEntry>().Where(e => e.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static string Fold(string name)
    {
        var folded = TextFolding.Fold(name);
        return folded.Length <= 500 ? folded : folded[..500];
    }
}
