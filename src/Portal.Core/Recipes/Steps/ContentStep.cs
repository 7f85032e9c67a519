using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.Core.Recipes.Steps;

/// <summary><c>{ "name": "content", "items": [ envelope, ... ] }</c> — each item handed to its type's importer.</summary>
internal sealed partial class ContentStep(IEnumerable<IContentImporter> importers, ILogger<ContentStep> logger) : IRecipeStep
{
    private readonly Dictionary<string, IContentImporter> _importers = importers.ToDictionary(i => i.Type, StringComparer.Ordinal);

    public string Name => "content";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "items");
        var ids = new HashSet<(string, string, string)>();
        foreach (var item in StepReader.Objects(step, "items", problems, required: true))
        {
            if (Read(item, problems) is not { } envelope)
            {
                continue;
            }

            if (!_importers.TryGetValue(envelope.Type, out var importer))
            {
                problems.Add($"item '{envelope.Id}': unknown content type '{envelope.Type}' (known: {string.Join(", ", _importers.Keys.Order(StringComparer.Ordinal))}).");
                continue;
            }

            if (!ids.Add((envelope.Type, envelope.Id, envelope.Culture)))
            {
                problems.Add($"item '{envelope.Id}' appears twice.");
            }

            importer.Validate(envelope, problems.For($"item '{envelope.Id}'"));
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<PortalDbContext>();
        var trackedBefore = new HashSet<object>(db.ChangeTracker.Entries().Select(e => e.Entity), ReferenceEqualityComparer.Instance);
        foreach (var item in StepReader.Objects(step, "items"))
        {
            // Each item's saved rows leave the unit of work once it is done: every save detects the
            // changes of everything tracked, and a recipe of 1,000 items kept them all (measured:
            // the import took twice as long as before the content events joined the unit of work).
            // What the run tracked before the step (the site's row) stays.
            DetachSaved(db, trackedBefore);

            var envelope = Read(item, null)!;
            var importer = _importers[envelope.Type];
            if (!context.Tenant.HasFeature(importer.FeatureId))
            {
                throw new InvalidOperationException($"item '{envelope.Id}': the site does not have the feature {importer.FeatureId} that content type '{envelope.Type}' needs (enable it in an earlier feature step).");
            }

            var result = await importer.ImportAsync(envelope, context.Services, ContentActor.System, cancellationToken);
            if (result.Outcome == UpsertOutcome.Skipped)
            {
                // An item the site's editors deleted or archived stays so; a recipe run again goes on, and says so.
                LogSkipped(logger, envelope.Type, result.ContentItemId, context.Tenant.Name, result.Reason ?? "");
            }
        }

        DetachSaved(db, trackedBefore);
    }

    private static void DetachSaved(PortalDbContext db, HashSet<object> keep)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && !keep.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Reads the envelope's outer fields; null (with problems reported) when they are wrong.</summary>
    internal static ContentEnvelope? Read(JsonObject item, RecipeProblems? problems)
    {
        var type = StepReader.String(item, "type", problems, required: true);
        var id = StepReader.String(item, "id", problems, required: true);
        var culture = StepReader.String(item, "culture", problems) ?? "vi";
        var published = true;
        if (item["published"] is JsonValue p && !p.TryGetValue(out published))
        {
            problems?.Add($"item '{id}': 'published' must be true or false.");
            return null;
        }

        if (item["fields"] is not JsonObject fields)
        {
            problems?.Add($"item '{id}': 'fields' must be an object.");
            return null;
        }

        if (problems is not null)
        {
            StepReader.OnlyKnown(item, problems, "type", "id", "culture", "published", "fields");
        }

        return type is null || id is null ? null : new ContentEnvelope(type, id, culture, published, fields);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Type} '{Id}' on {Tenant} was not imported: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string type, string id, string tenant, string reason);
}
