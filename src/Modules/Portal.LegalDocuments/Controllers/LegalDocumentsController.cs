using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.LegalDocuments.Models;
using Portal.LegalDocuments.Services;
using Portal.LegalDocuments.ViewModels;

namespace Portal.LegalDocuments.Controllers;

/// <summary>
/// The public pages: /van-ban (filters in the query string, so a search can be shared as a link) and
/// /van-ban/{slug}. An impossible filter shows an empty list with the reason, never an error page.
/// </summary>
[Area("LegalDocuments")]
public sealed class LegalDocumentsController(LegalDocumentQueries documents, LegalDocumentFacets facets) : Controller
{
    private const int PageSize = 20;

    private const int MaxPage = 500;

    private static readonly string[] Sorts = [LegalDocumentFilter.ByIssueDate, LegalDocumentFilter.ByEffectiveDate, LegalDocumentFilter.ByNumber];

    [HttpGet("van-ban")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Index([FromQuery] LegalDocumentQuery query)
    {
        var ct = HttpContext.RequestAborted;
        var (filter, page, problems) = Check(query);
        var (items, total, more) = problems.Count == 0 ? await documents.SearchAsync(filter, page, PageSize, ct) : ([], 0, false);
        return View(new LegalDocumentListViewModel
        {
            Query = query,
            Choices = await facets.ChoicesAsync(ct),
            Items = items,
            Problems = problems,
            Today = documents.Today,
            Total = total,
            More = more,
            Page = page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize) + (more ? 1 : 0),
            FilterQuery = FilterQuery(query),
        });
    }

    [HttpGet("van-ban/{slug}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Document(string slug)
    {
        var ct = HttpContext.RequestAborted;
        var document = await documents.BySlugAsync(slug, ct);
        var version = document is null ? null : await documents.PublishedVersionAsync(document.ContentItemId, ct);
        if (document is null || version is null)
        {
            return NotFound();
        }

        var (outgoing, incoming) = await documents.RelationsAsync(document, ct);
        return View(new LegalDocumentViewModel
        {
            Document = document,
            Fields = LegalDocumentData.Read(version.Data),
            Status = document.StatusOn(documents.Today),
            Outgoing = outgoing,
            Incoming = incoming,
        });
    }

    /// <summary>Turns the address's text into a filter, or into the reasons it cannot be one.</summary>
    private static (LegalDocumentFilter Filter, int Page, List<string> Problems) Check(LegalDocumentQuery query)
    {
        var problems = new List<string>();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(query.Year))
        {
            if (int.TryParse(query.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1945 and <= 2100)
            {
                year = y;
            }
            else
            {
                problems.Add($"Năm ban hành \"{Short(query.Year)}\" không hợp lệ (từ 1945 đến 2100).");
            }
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(query.Page))
        {
            if (int.TryParse(query.Page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= MaxPage)
            {
                page = p;
            }
            else if (p > MaxPage)
            {
                // Deep pages make the count and the offset walk every match; nobody reads page 600
                // of a list, a filter finds it sooner.
                problems.Add($"Chỉ xem được đến trang {MaxPage}; hãy thu hẹp bộ lọc.");
            }
            else
            {
                problems.Add($"Số trang \"{Short(query.Page)}\" không hợp lệ.");
            }
        }

        LegalStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            status = LegalStatuses.FromSlug(query.Status.Trim());
            if (status is null)
            {
                problems.Add($"Tình trạng hiệu lực \"{Short(query.Status)}\" không hợp lệ.");
            }
        }

        string? type = null;
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            type = LegalDocumentKinds.NormalizeType(query.Type);
            if (type is null)
            {
                problems.Add($"Loại văn bản \"{Short(query.Type)}\" không có trong danh mục.");
            }
        }

        string? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            kind = LegalDocumentKinds.Kinds.FirstOrDefault(k => k == query.Kind.Trim());
            if (kind is null)
            {
                problems.Add($"Loại hình \"{Short(query.Kind)}\" không hợp lệ.");
            }
        }

        foreach (var (label, value, max) in new[] { ("Số/ký hiệu", query.Number, 100), ("Cơ quan ban hành", query.Authority, 200), ("Lĩnh vực", query.Field, 200), ("Người ký", query.Signer, 200) })
        {
            if (value?.Length > max)
            {
                problems.Add($"{label} tối đa {max} ký tự.");
            }
        }

        var filter = new LegalDocumentFilter(
            type,
            Blank(query.Authority),
            Blank(query.Field),
            Blank(query.Signer),
            year,
            status,
            Blank(query.Number),
            kind,
            Sorts.Contains(query.Sort) ? query.Sort! : LegalDocumentFilter.ByIssueDate);
        return (filter, page, problems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Short(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private static string FilterQuery(LegalDocumentQuery q)
    {
        var builder = new QueryBuilder();
        foreach (var (key, value) in new[] { ("type", q.Type), ("authority", q.Authority), ("field", q.Field), ("signer", q.Signer), ("year", q.Year), ("status", q.Status), ("number", q.Number), ("kind", q.Kind), ("sort", q.Sort) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                builder.Add(key, value);
            }
        }

        return builder.ToQueryString().Value?.TrimStart('?') ?? "";
    }
}
