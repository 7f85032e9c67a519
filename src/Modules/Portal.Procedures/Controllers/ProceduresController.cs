using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.Procedures.Models;
using Portal.Procedures.Services;
using Portal.Procedures.ViewModels;

namespace Portal.Procedures.Controllers;

/// <summary>
/// The public procedures pages: /thu-tuc-hanh-chinh (filters in the query string, so a search can
/// be bookmarked and shared) and /thu-tuc-hanh-chinh/{slug}. A commune's pages include the
/// province's commune-level procedures (<see cref="ProvinceProcedureSource"/>).
/// </summary>
[Area("Procedures")]
public sealed class ProceduresController(ProcedureCatalog catalog, ProvinceProcedureSource sharing, LegalBasisLinks legalBasis, TenantContext site) : Controller
{
    private const int PageSize = 20;
    private const int MaxFilterLength = 200;

    [HttpGet("thu-tuc-hanh-chinh")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Index(string? q, string? field, string? level, string? agency, string? online, int page = 1)
    {
        page = Paging.Clamp(page);
        var ct = HttpContext.RequestAborted;
        var problems = new List<FieldProblem>();
        ProcedureLevel? levelFilter = string.IsNullOrWhiteSpace(level) ? null : ProcedureEnvelope.ParseLevel(level, problems);
        OnlineServiceLevel? onlineFilter = string.IsNullOrWhiteSpace(online) ? null : ProcedureEnvelope.ParseOnlineLevel(online, problems);
        var tooLong = new[] { q, field, agency }.Any(v => v?.Length > MaxFilterLength);

        // A filter that cannot match (an unknown level, an overlong text) answers with an empty
        // list and says why, rather than an error page.
        string? message = problems.Count > 0 ? "Không có thủ tục phù hợp: giá trị lọc không hợp lệ (" + string.Join(" ", problems.Select(p => p.Message)) + ")"
            : tooLong ? "Không có thủ tục phù hợp: nội dung tìm kiếm quá dài." : null;
        var (items, total) = message is null
            ? await catalog.SearchAsync(new ProcedureFilter(q, field, levelFilter, agency, onlineFilter), page, PageSize, ct)
            : ([], 0);
        return View(new ProcedureListViewModel
        {
            Items = items,
            Total = total,
            Fields = await catalog.FieldsAsync(ct),
            Agencies = await catalog.AgenciesAsync(ct),
            SiteId = site.TenantId,
            Search = q,
            Field = field,
            Level = level,
            Agency = agency,
            Online = online,
            Message = message,
            Page = page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
        });
    }

    [HttpGet("thu-tuc-hanh-chinh/{slug}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Detail(string slug)
    {
        var ct = HttpContext.RequestAborted;
        var procedure = slug.Length > 200 ? null : await catalog.FindAsync(slug, site.TenantId, ct);
        if (procedure is null)
        {
            return NotFound();
        }

        var fields = ProcedureJson.Read(procedure.Data);
        var province = procedure.TenantId == site.TenantId ? null : sharing.Sharing()?.Province;
        return View(new ProcedureDetailViewModel
        {
            Procedure = procedure,
            Fields = fields,
            LegalBasis = await legalBasis.ResolveAsync(fields.LegalBasis, ct),
            SharedFrom = province?.DisplayName,
            SharedMediaRoot = province is null ? null : SharedMediaRoot.For(province, Request, site.MatchedPrefix),
        });
    }
}
