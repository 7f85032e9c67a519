namespace Portal.Procedures.Models;

/// <summary>
/// The fields of an administrative procedure (docs/domain.md), stored as the content item's JSON data;
/// the name is the item's title. Everything is plain text (encoded on output), never HTML.
/// </summary>
public sealed class ProcedureFields
{
    /// <summary>National procedure code (mã thủ tục), e.g. 1.001234.</summary>
    public string Code { get; set; } = "";

    /// <summary>Field (lĩnh vực), e.g. Hộ tịch.</summary>
    public string Field { get; set; } = "";

    public ProcedureLevel Level { get; set; }

    /// <summary>Implementing agency (cơ quan thực hiện).</summary>
    public string Agency { get; set; } = "";

    /// <summary>Steps (trình tự thực hiện), in order.</summary>
    public List<string> Steps { get; set; } = [];

    public List<SubmissionChannel> Channels { get; set; } = [];

    /// <summary>Required documents (thành phần hồ sơ), in order.</summary>
    public List<RequiredDocument> Documents { get; set; } = [];

    /// <summary>Processing time (thời hạn giải quyết).</summary>
    public string ProcessingTime { get; set; } = "";

    /// <summary>Fees and charges (phí, lệ phí).</summary>
    public string Fees { get; set; } = "";

    /// <summary>Eligible applicants (đối tượng thực hiện).</summary>
    public string Applicants { get; set; } = "";

    /// <summary>Result (kết quả thực hiện).</summary>
    public string Result { get; set; } = "";

    /// <summary>Legal basis (căn cứ pháp lý): document numbers such as 123/2015/NĐ-CP.</summary>
    public List<string> LegalBasis { get; set; } = [];

    /// <summary>Forms to download (mẫu đơn, tờ khai): files of the Media module or web addresses.</summary>
    public List<ProcedureForm> Forms { get; set; } = [];

    public OnlineServiceLevel OnlineLevel { get; set; }

    /// <summary>The procedure's entry on the National Public Service Portal (dichvucong.gov.vn).</summary>
    public string NationalPortalUrl { get; set; } = "";
}

/// <summary>One paper of the dossier and how many of it.</summary>
public sealed record RequiredDocument(string Name, int Copies = 1, DocumentKind Kind = DocumentKind.Unspecified);

/// <summary>A downloadable form: a Media file (/media/...) or an http(s) address.</summary>
public sealed record ProcedureForm(string Title, string Url);
