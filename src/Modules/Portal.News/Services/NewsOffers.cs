using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>What an offer did: sent now, or found already sent earlier (nothing written).</summary>
public enum OfferOutcome
{
    Sent,
    AlreadySent,
}

/// <summary>
/// "Gửi tin lên cổng tỉnh": an editor of a site offers one of its published articles to the site
/// directly above it (the province for a commune or department, the district for a commune still
/// under one, which can offer it on). The copy is written by the parent site's own content
/// manager, in the parent's scope, as a submitted item under an id derived from the original — so
/// offering twice finds the first copy — carrying the source site and the original's address; the
/// parent's editors publish it through their normal workflow. Both sites' audit trails record it.
/// </summary>
[CrossTenant("An editor of a component site offers a published article to the site above it; the copy is written in the parent's own scope by its content manager, as a submitted item, never by writing the parent's rows from here.")]
public sealed class NewsOffers(ContentManager contents, TenantContext site, TenantCatalog catalog, TenantScopeFactory tenantScopes)
{
    /// <summary>The site an article of this site would be offered to, or null (the top site, or a parent without News).</summary>
    public Tenant? Parent() =>
        site.Tenant.ParentId is int id && catalog.FindById(id) is { State: TenantState.Running } parent && parent.HasFeature("Portal.News") ? parent : null;

    /// <summary>Only someone who may edit anyone's article or publish on this site speaks for its editorial board.</summary>
    public async Task<bool> MayOfferAsync(ClaimsPrincipal user)
    {
        var grants = await contents.GrantsAsync(user, NewsFields.ContentType);
        return grants.EditAny || grants.Publish;
    }

    /// <summary>Whether this person may offer this article now: a site above, the right, and a public version to offer.</summary>
    public async Task<bool> CanOfferAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Parent() is not null && await MayOfferAsync(user) && (await contents.VersionsAsync(item, cancellationToken)).Any(v => v.Published && !v.Deleted);

    /// <summary>The id the copy has on the parent site: the same for every offer of the same article.</summary>
    public static string CopyId(Tenant source, string contentItemId) =>
        ContentIds.Derived("tu-" + source.Id, source.Name, $"{source.Id}/{contentItemId}");

    /// <summary>Offers the article's published version to the parent site.</summary>
    /// <param name="item">The article's latest version on this site (published, or with a published version under a draft).</param>
    /// <param name="siteBase">This site's absolute base address (<c>SiteUrls.Base</c>), for the original's link.</param>
    /// <exception cref="ContentForbiddenException">The person may not offer this site's articles.</exception>
    /// <exception cref="ContentWorkflowException">Nothing to offer, or no site above to offer it to.</exception>
    public async Task<(OfferOutcome Outcome, Tenant Parent)> OfferAsync(ContentItem item, string siteBase, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken)
    {
        if (!await MayOfferAsync(user))
        {
            throw new ContentForbiddenException("Bạn không có quyền gửi tin bài lên trang cấp trên.");
        }

        var parent = Parent() ?? throw new ContentWorkflowException("Trang này không có trang cấp trên nhận tin bài.");
        var published = (await contents.VersionsAsync(item, cancellationToken)).FirstOrDefault(v => v.Published && !v.Deleted);
        if (published is null)
        {
            throw new ContentWorkflowException("Chỉ gửi được tin bài đã xuất bản.");
        }

        var source = site.Tenant;
        var fields = NewsFields.Read(published.Data);
        var originalUrl = NewsAddresses.ArticleUrl(siteBase, fields.Category, published.Slug);
        var copy = new NewsArticleFields
        {
            Summary = fields.Summary,
            Body = fields.Body,
            Tags = fields.Tags,
            Author = fields.Author,
            Photographer = fields.Photographer,
            Source = source.DisplayName,
            SourceSite = source.Name,
            SourceUrl = originalUrl,
        };

        bool created;
        await using (var scope = tenantScopes.CreateScope(parent))
        {
            // The parent's category of the same slug when it has one; else its first, which its editors can change in review.
            var parentNews = scope.ServiceProvider.GetRequiredService<NewsQueries>();
            copy.Category = await parentNews.CategoryAsync(fields.Category, cancellationToken) is not null
                ? fields.Category
                : (await parentNews.CategoriesAsync(cancellationToken)).FirstOrDefault()?.Slug ?? fields.Category;
            var draft = new ContentDraft(published.Title, published.Slug, NewsFields.Write(copy), published.Culture) { Category = copy.Category };
            created = await scope.ServiceProvider.GetRequiredService<ContentManager>().ReceiveOfferAsync(
                new ContentOffer(NewsFields.ContentType, CopyId(source, item.ContentItemId), draft, actor, $"gửi từ {source.DisplayName}: {originalUrl}"),
                cancellationToken);
        }

        if (!created)
        {
            return (OfferOutcome.AlreadySent, parent);
        }

        await contents.NoteAsync(item, "Offered", actor, $"gửi lên {parent.DisplayName}", cancellationToken);
        return (OfferOutcome.Sent, parent);
    }
}
