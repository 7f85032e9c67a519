using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.Core.Text;

namespace Portal.Pages.Services;

/// <summary>Content envelope type <c>page</c>: fields title, slug, body (CONTRACTS.md), through the content lifecycle (<see cref="PageWriter"/>).</summary>
internal sealed class PageImporter : IContentImporter
{
    public string Type => PageContent.ContentType;

    public string FeatureId => PageContent.FeatureId;

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
        else if (envelope.Text("title")!.Trim().Length > 500)
        {
            problems.Add("'fields.title' is longer than 500 characters.");
        }

        if (envelope.Culture.Length is 0 or > 10)
        {
            problems.Add($"'culture' \"{envelope.Culture}\" must be a culture name of at most 10 characters (vi, en, ...).");
        }

        if (envelope.Text("slug") is { } slug && !Slugs.IsValid(slug))
        {
            problems.Add($"'fields.slug' \"{slug}\" must be lower-case letters, digits and hyphens.");
        }
    }

    public Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken) =>
        context.Services.GetRequiredService<PageWriter>().ImportAsync(envelope, cancellationToken);
}
