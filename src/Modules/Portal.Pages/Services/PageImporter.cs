using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Text;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>Content envelope type <c>page</c>: fields title, slug, body (CONTRACTS.md).</summary>
internal sealed class PageImporter : IContentImporter
{
    public string Type => "page";

    public string FeatureId => "Portal.Pages";

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        foreach (var (field, _) in envelope.Fields)
        {
            if (field is not ("title" or "slug" or "body"))
            {
                problems.Add($"unknown field '{field}' for a page (expected: title, slug, body).");
            }
        }

        if (string.IsNullOrWhiteSpace(envelope.Text("title")))
        {
            problems.Add("'fields.title' is required.");
        }

        if (envelope.Text("slug") is { } slug && !Slugs.IsValid(slug))
        {
            problems.Add($"'fields.slug' \"{slug}\" must be lower-case letters, digits and hyphens.");
        }
    }

    public async Task<UpsertResult> ImportAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var store = services.GetRequiredService<PageStore>();
        var title = envelope.Text("title")!.Trim();
        var slug = envelope.Text("slug") ?? Slugs.FromTitle(title);
        var page = await db.Set<Page>().SingleOrDefaultAsync(p => p.ContentId == envelope.Id, cancellationToken)
            ?? await db.Set<Page>().SingleOrDefaultAsync(p => p.Slug == slug && p.ContentId == null, cancellationToken)
            ?? new Page();
        if (await store.SlugTakenAsync(slug, page.Id, cancellationToken))
        {
            throw new InvalidOperationException($"page '{envelope.Id}': the slug '{slug}' is already used by another page of this site.");
        }

        var body = services.GetRequiredService<HtmlSanitizer>().Sanitize(envelope.Text("body"));
        if (page.Id != 0 && page.ContentId == envelope.Id && page.Title == title && page.Slug == slug && page.Body == body && page.Published == envelope.Published)
        {
            return new(UpsertOutcome.Unchanged, envelope.Id); // a second run of the same recipe writes nothing, not even a new update time
        }

        page.ContentId = envelope.Id;
        page.Title = title;
        page.Slug = slug;
        page.Body = body;
        page.Published = envelope.Published;
        var created = page.Id == 0;
        await store.SaveAsync(page, cancellationToken);
        return new(created ? UpsertOutcome.Created : UpsertOutcome.Updated, envelope.Id);
    }
}
