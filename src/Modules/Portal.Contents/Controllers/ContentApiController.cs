using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Portal.Core.Api;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;

namespace Portal.Contents.Controllers;

/// <summary>
/// The content API (docs/contracts.md): every registered content type of the site, read as content
/// envelopes from the site's feed and written through the kernel's one upsert. A type joins by
/// registering with the kernel (<see cref="ContentTypeRegistration.AddContentType{TImporter,TProjection}"/>);
/// nothing here names a type.
/// </summary>
[ApiController]
[Route("api/content/{type}")]
[IgnoreAntiforgeryToken] // bearer tokens only: a browser's cookies never authenticate these routes
public sealed class ContentApiController(
    IEnumerable<IContentImporter> importers,
    IEnumerable<ContentTypeDefinition> definitions,
    TenantContext site,
    ContentFeedReader feed,
    ContentManager contents) : ControllerBase
{
    public const int PageSize = 50;
    private const string EnvelopeLabel = "envelope";
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Published items of one type, oldest change first, 50 a page. Without <c>since</c>: every
    /// public item (a full pull); with <c>since</c> (the <c>cursor</c> of an earlier answer): what
    /// changed after it, items unpublished or deleted since then listed in <c>deleted</c>. <c>page</c>
    /// is the <c>next</c> token of the previous page. The sequence only grows, so an item published
    /// while a client pages through lands after its cursor: never skipped, never repeated.
    /// </summary>
    [HttpGet("")]
    [RequireScope(ApiScopes.ContentRead)]
    [ProducesResponseType(typeof(ContentFeedResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> List(string type, string? since, string? culture, string? page)
    {
        if (Importer(type) is null)
        {
            return UnknownType(type);
        }

        if (!TryReadPosition(since, page, out var after, out var incremental, out var problem))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Tham số không hợp lệ.", detail: problem);
        }

        if (culture is not null && !Cultures.IsValid(culture))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Tham số không hợp lệ.", detail: "culture: use a language code such as vi, en or zh.");
        }

        var cancellationToken = HttpContext.RequestAborted;
        // Any change to any page of this type moves the type's newest sequence number, so it and
        // the request's position name the page's content; a client polling an unchanged site is
        // answered without reading a single item.
        var latest = await feed.LatestSeqAsync(type, cancellationToken);
        var etag = new EntityTagHeaderValue($"\"{Hash($"{site.TenantId}/{type}/{culture}/{incremental}/{after}/{latest}")}\"");
        Response.Headers.ETag = etag.ToString();
        Response.Headers.CacheControl = "private, no-cache";
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } matches && matches.Any(m => m.Compare(etag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var result = await feed.PageAsync(type, culture, after, incremental, PageSize, cancellationToken);
        var importer = Importer(type)!;
        var definition = Definition(type);
        var siteBase = Portal.Core.Hosting.SiteUrls.Base(HttpContext); // the site's canonical address when it has one
        var items = new List<ContentFeedItem>();
        var deleted = new List<ContentFeedTombstone>();
        foreach (var (entry, item) in result.Entries)
        {
            if (entry.Removed || item is null)
            {
                deleted.Add(new(entry.ContentItemId, entry.Culture, entry.ChangedUtc));
                continue;
            }

            var path = definition?.PublicPathOf(item);
            items.Add(new(type, item.ContentItemId, item.Culture, true, new ContentExport(importer, item), entry.ChangedUtc,
                path is null ? null : siteBase + path.TrimStart('~')));
        }

        var cursor = result.Cursor.ToString(CultureInfo.InvariantCulture);
        string? next = null;
        if (result.HasMore)
        {
            var query = QueryString.Create([
                new("page", (incremental ? "s" : "f") + cursor),
                .. culture is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("culture", culture)],
            ]);
            next = $"{Request.PathBase}/api/content/{Uri.EscapeDataString(type)}{query}";
        }

        return Ok(new ContentFeedResponse(type, items, deleted, cursor, next));
    }

    /// <summary>
    /// Creates or updates one item by its id (the envelope of docs/contracts.md). What
    /// <c>published</c> may do depends on the type (<see cref="ContentTypeDefinition.ApiWrites"/>):
    /// most types land as submitted for the site's editors. Every write is audited with the client's id.
    /// </summary>
    [HttpPut("{id}")]
    [RequireScope(ApiScopes.ContentWrite)]
    [RequestSizeLimit(MaxBodyBytes)]
    [Consumes("application/json")]
    [ProducesResponseType(typeof(ContentWriteResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ContentWriteResponse), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status403Forbidden)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Put(string type, string id, [FromBody] JsonElement body)
    {
        if (Importer(type) is not { } importer)
        {
            return UnknownType(type);
        }

        var definition = Definition(type);
        if (definition?.ApiWrites is null or ContentApiWrites.None || importer is not ContentImporter parser)
        {
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không được ghi loại nội dung này qua API.", detail: $"The API does not write '{type}' items.");
        }

        if (ContentIds.Problem(id) is { } idProblem)
        {
            ModelState.AddModelError("id", idProblem);
            return ValidationProblem(ModelState);
        }

        if (!TryReadEnvelope(body, type, id, out var envelope))
        {
            return ValidationProblem(ModelState);
        }

        var messages = new List<string>();
        importer.Validate(envelope, new RecipeProblems(EnvelopeLabel, messages));
        if (messages.Count > 0)
        {
            foreach (var message in messages.Select(m => m[(EnvelopeLabel.Length + 2)..]))
            {
                ModelState.AddModelError(FieldOf(message), message);
            }

            return ValidationProblem(ModelState);
        }

        var clientId = ApiCaller.ClientId(User) ?? "";
        var actor = new ContentActor($"api:{clientId}", $"API {clientId}", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            var upsert = await parser.PrepareAsync(envelope, HttpContext.RequestServices, actor, cancellationToken);
            upsert = upsert with { ContentItemId = id, ForReview = definition.ApiWrites == ContentApiWrites.Review, Reason = $"ghi qua API (ứng dụng {clientId})" };
            var result = await contents.UpsertAsync(upsert, cancellationToken);
            if (result.Outcome == UpsertOutcome.Skipped)
            {
                return Problem(statusCode: StatusCodes.Status409Conflict, title: "Không ghi nội dung này.", detail: result.Reason);
            }

            var latest = await contents.LatestAsync(type, id, cancellationToken);
            var response = new ContentWriteResponse(type, id, result.Outcome.ToString().ToLowerInvariant(),
                latest is null ? "" : latest.State.ToString().ToLowerInvariant(), await contents.IsPublicAsync(type, id, cancellationToken));
            var location = $"{Request.PathBase}/api/content/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}";
            return result.Outcome == UpsertOutcome.Created ? Created(location, response) : Ok(response);
        }
        catch (ContentTypeConflictException ex)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: "Mã đã dùng cho loại nội dung khác.", detail: ex.Message);
        }
        catch (ContentWorkflowException ex)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: "Không ghi được nội dung.", detail: ex.Message);
        }
    }

    private IContentImporter? Importer(string type) =>
        importers.FirstOrDefault(i => i.Type == type && site.IsResolved && site.Tenant.HasFeature(i.FeatureId));

    private ContentTypeDefinition? Definition(string type) => definitions.FirstOrDefault(d => d.Type == type);

    private ObjectResult UnknownType(string type) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Không có loại nội dung này trên trang.",
            detail: $"'{type}' is not a content type of this site (types: {string.Join(", ", importers.Where(i => site.IsResolved && site.Tenant.HasFeature(i.FeatureId)).Select(i => i.Type))}).");

    /// <summary><c>since</c> is a cursor (a whole number); <c>page</c> a next-page token: <c>f</c> (full pull) or <c>s</c> (incremental) and a cursor.</summary>
    internal static bool TryReadPosition(string? since, string? page, out long after, out bool incremental, out string? problem)
    {
        after = 0;
        incremental = false;
        problem = null;
        if (page is { Length: > 0 })
        {
            if (page.Length < 2 || page[0] is not ('f' or 's') || !long.TryParse(page.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                problem = "page: use the 'next' link of the previous answer.";
                return false;
            }

            incremental = page[0] == 's';
            return true;
        }

        if (since is { Length: > 0 })
        {
            if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                problem = "since: use the 'cursor' of an earlier answer (a whole number).";
                return false;
            }

            incremental = true;
        }

        return true;
    }

    /// <summary>The envelope from the body; the route's type and id win, and a body naming others is refused.</summary>
    private bool TryReadEnvelope(JsonElement body, string type, string id, out ContentEnvelope envelope)
    {
        envelope = new ContentEnvelope(type, id, "vi", false, []);
        if (body.ValueKind != JsonValueKind.Object)
        {
            ModelState.AddModelError("", "The body must be a content envelope (a JSON object).");
            return false;
        }

        var node = JsonObject.Create(body)!;
        if (node["type"] is { } bodyType && (bodyType.GetValueKind() != JsonValueKind.String || bodyType.GetValue<string>() != type))
        {
            ModelState.AddModelError("type", $"must be '{type}' (the address's type) or left out.");
        }

        if (node["id"] is { } bodyId && (bodyId.GetValueKind() != JsonValueKind.String || bodyId.GetValue<string>() != id))
        {
            ModelState.AddModelError("id", $"must be '{id}' (the address's id) or left out.");
        }

        var culture = "vi";
        if (node["culture"] is { } bodyCulture)
        {
            if (bodyCulture.GetValueKind() != JsonValueKind.String || !Cultures.IsValid(bodyCulture.GetValue<string>()))
            {
                ModelState.AddModelError("culture", "must be a language code such as vi, en or zh.");
            }
            else
            {
                culture = bodyCulture.GetValue<string>();
            }
        }

        var published = true; // as in a recipe: an envelope is published unless it says otherwise
        if (node["published"] is { } bodyPublished)
        {
            if (bodyPublished.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                ModelState.AddModelError("published", "must be true or false.");
            }
            else
            {
                published = bodyPublished.GetValue<bool>();
            }
        }

        if (node["fields"] is not JsonObject fields)
        {
            ModelState.AddModelError("fields", "is required: an object with the type's fields.");
            return false;
        }

        foreach (var (name, _) in node)
        {
            if (name is not ("type" or "id" or "culture" or "published" or "fields"))
            {
                ModelState.AddModelError(name, "is not part of a content envelope (type, id, culture, published, fields).");
            }
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        envelope = new ContentEnvelope(type, id, culture, published, (JsonObject)fields.DeepClone());
        return true;
    }

    /// <summary>"'fields.title': is required." → fields.title, so a client can put the message beside its field.</summary>
    private static string FieldOf(string message) =>
        message.StartsWith('\'') && message.IndexOf("':", StringComparison.Ordinal) is > 1 and var end ? message[1..end] : "fields";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>Language codes the envelope accepts (two or three letters, optionally a region: vi, en, zh, zh-CN).</summary>
internal static class Cultures
{
    public static bool IsValid(string culture) =>
        culture.Length is >= 2 and <= 10
        && culture.Split('-') is var parts && parts.Length <= 2
        && parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetterLower)
        && (parts.Length == 1 || (parts[1].Length is >= 2 and <= 4 && parts[1].All(char.IsAsciiLetterOrDigit)));
}

public sealed record ContentFeedItem(string Type, string Id, string Culture, bool Published, ContentExport Fields, DateTime ChangedUtc, string? Url);

public sealed record ContentFeedTombstone(string Id, string Culture, DateTime RemovedUtc);

/// <summary>One page: items and tombstones, the cursor to pass as <c>since</c> next time, and the next page's address while there is more.</summary>
public sealed record ContentFeedResponse(string Type, IReadOnlyList<ContentFeedItem> Items, IReadOnlyList<ContentFeedTombstone> Deleted, string Cursor, string? Next);

public sealed record ContentWriteResponse(string Type, string Id, string Outcome, string State, bool Published);
