using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.Services;

/// <summary>
/// Files every published item of any type under the terms of its <c>tags</c> field, so one tag page
/// lists news, documents and procedures alike. The item keeps the words it was written with; the
/// terms are made from them (one address per word, merged terms followed). Items published before
/// the feature was enabled are filed when next published.
/// </summary>
internal sealed class TagIndexer(PortalDbContext db, IEnumerable<ContentTypeDefinition> types, TimeProvider clock) : IContentEventHandler
{
    public string? FeatureId => "Portal.Taxonomies";

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var words = TagsOf(version.Data);
        var path = types.FirstOrDefault(t => t.Type == version.ContentType)?.PublicPathOf(version) ?? "";
        var slugs = new List<string>();
        foreach (var word in words)
        {
            if (await TermForAsync(word, cancellationToken) is { } slug && !slugs.Contains(slug))
            {
                slugs.Add(slug);
            }
        }

        await db.Set<TermAssignment>().Where(a => a.ContentItemId == version.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        foreach (var slug in slugs)
        {
            db.Add(new TermAssignment
            {
                Vocabulary = Vocabularies.Tags,
                TermSlug = slug,
                ContentItemId = version.ContentItemId,
                ContentType = version.ContentType,
                Title = version.Title.Length > 500 ? version.Title[..500] : version.Title,
                Path = path,
                PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) =>
        await db.Set<TermAssignment>().Where(a => a.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The term a typed word files under: its own (made on first use) or the one it was merged into.</summary>
    private async Task<string?> TermForAsync(string word, CancellationToken cancellationToken)
    {
        var slug = Slugs.FromTitle(word);
        if (slug.Length == 0)
        {
            return null;
        }

        var term = await db.Set<Term>().AsNoTracking().FirstOrDefaultAsync(t => t.Vocabulary == Vocabularies.Tags && t.Slug == slug, cancellationToken);
        if (term is null)
        {
            // Two editors may publish the same new word at once. ON CONFLICT lets the second insert
            // do nothing instead of failing: a caught unique violation would abort a PostgreSQL
            // transaction (a recipe run) that this publish is part of.
            var tenantId = db.CurrentTenantId;
            var vocabulary = Vocabularies.Tags;
            var folded = TextFolding.Fold(word);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "TaxonomyTerms" ("TenantId", "Vocabulary", "Slug", "Name", "Folded", "CreatedUtc") VALUES ({tenantId}, {vocabulary}, {slug}, {word}, {folded}, {now}) ON CONFLICT ("TenantId", "Vocabulary", "Slug") DO NOTHING""",
                cancellationToken);
            return slug;
        }

        return term.MergedInto ?? term.Slug;
    }

    /// <summary>The item's tags: a JSON array of words, trimmed, at most a few, each of a sane length.</summary>
    internal static IReadOnlyList<string> TagsOf(string data)
    {
        try
        {
            if (JsonNode.Parse(data) is JsonObject fields && fields["tags"] is JsonArray tags)
            {
                return [.. tags
                    .Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "")
                    .Where(s => s.Length is > 0 and <= Vocabularies.MaxNameLength)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Take(Vocabularies.MaxTermsPerItem)];
            }
        }
        catch (JsonException)
        {
            // Unreadable data files nothing; the item's own page still works.
        }

        return [];
    }
}
