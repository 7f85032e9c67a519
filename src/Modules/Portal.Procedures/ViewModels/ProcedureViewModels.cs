using System.ComponentModel.DataAnnotations;
using Portal.Core.Contents;
using Portal.Procedures.Models;
using Portal.Procedures.Services;

namespace Portal.Procedures.ViewModels;

internal sealed class ProcedureListViewModel
{
    public IReadOnlyList<PublishedProcedure> Items { get; init; } = [];

    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<string> Agencies { get; init; } = [];

    public int SiteId { get; init; }

    public string? Search { get; init; }

    public string? Field { get; init; }

    public string? Level { get; init; }

    public string? Agency { get; init; }

    public string? Online { get; init; }

    /// <summary>Why the list is empty when a filter could not match anything (an unknown level, say).</summary>
    public string? Message { get; init; }

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageCount { get; init; }

    /// <summary>The query string of the current filters, for the pager's links.</summary>
    public string Query(int page) => string.Join("&", new[] { ("q", Search), ("field", Field), ("level", Level), ("agency", Agency), ("online", Online), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}

internal sealed class ProcedureDetailViewModel
{
    public required PublishedProcedure Procedure { get; init; }

    public required ProcedureFields Fields { get; init; }

    public IReadOnlyList<(string Number, ContentReference? Link)> LegalBasis { get; init; } = [];

    /// <summary>The province's display name when the procedure is shared from it, else null.</summary>
    public string? SharedFrom { get; init; }

    /// <summary>For a shared procedure, where the province's /media/ files are (<see cref="Services.SharedMediaRoot"/>); null for the site's own.</summary>
    public string? SharedMediaRoot { get; init; }
}

/// <summary>
/// The editor's form. Ordered lists are textareas, one item per line; a document line is
/// "Tên giấy tờ :: số bản :: bản chính|bản sao", a form line "Tiêu đề :: /media/... hoặc https://...".
/// </summary>
public sealed class ProcedureEditViewModel : ContentEditModel
{
    [Display(Name = "Mã thủ tục")]
    public string? Code { get; set; }

    [Display(Name = "Tên thủ tục")]
    public string? Name { get; set; }

    [Display(Name = "Đường dẫn (để trống để tạo từ mã và tên)")]
    public string? Slug { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? Field { get; set; }

    [Display(Name = "Cấp thực hiện")]
    public string? Level { get; set; }

    [Display(Name = "Cơ quan thực hiện")]
    public string? Agency { get; set; }

    [Display(Name = "Trình tự thực hiện (mỗi bước một dòng, theo thứ tự)")]
    public string? Steps { get; set; }

    [Display(Name = "Cách thức thực hiện")]
    public List<string> Channels { get; set; } = [];

    [Display(Name = "Thành phần hồ sơ (mỗi giấy tờ một dòng: Tên :: số bản :: bản chính/bản sao)")]
    public string? Documents { get; set; }

    [Display(Name = "Thời hạn giải quyết")]
    public string? ProcessingTime { get; set; }

    [Display(Name = "Phí, lệ phí")]
    public string? Fees { get; set; }

    [Display(Name = "Đối tượng thực hiện")]
    public string? Applicants { get; set; }

    [Display(Name = "Kết quả thực hiện")]
    public string? Result { get; set; }

    [Display(Name = "Căn cứ pháp lý (mỗi số hiệu văn bản một dòng, ví dụ 123/2015/NĐ-CP)")]
    public string? LegalBasis { get; set; }

    [Display(Name = "Mẫu đơn, tờ khai (mỗi mẫu một dòng: Tiêu đề :: /media/... hoặc https://...)")]
    public string? Forms { get; set; }

    [Display(Name = "Mức dịch vụ công trực tuyến")]
    public string? OnlineLevel { get; set; }

    [Display(Name = "Địa chỉ trên Cổng Dịch vụ công quốc gia")]
    public string? NationalPortalUrl { get; set; }
}

internal sealed class ProcedureImportViewModel
{
    public ContentImportReport? Report { get; init; }
}
