using System.Text.Json.Serialization;

namespace Portal.LegalDocuments.Models;

/// <summary>
/// The fields of a legal document (docs/domain.md), stored as the content item's JSON data under the
/// envelope's names (docs/contracts.md), so the shared Contents admin and the content API read the same
/// keys. There is deliberately no status field: validity is computed from the dates and relations.
/// </summary>
public sealed class LegalDocumentFields
{
    /// <summary>Số/ký hiệu, e.g. <c>42/2022/NĐ-CP</c>.</summary>
    public string Number { get; set; } = "";

    [JsonPropertyName("type")]
    public string DocumentType { get; set; } = "";

    public string IssuingAuthority { get; set; } = "";

    /// <summary>Lĩnh vực.</summary>
    public string Field { get; set; } = "";

    public string Signer { get; set; } = "";

    public string SignerPosition { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Trích yếu: plain text, never HTML.</summary>
    public string Summary { get; set; } = "";

    /// <summary><c>normative</c> (QPPL) or <c>direction</c> (chỉ đạo điều hành).</summary>
    public string Kind { get; set; } = LegalDocumentKinds.Normative;

    /// <summary>Attachments: <c>/media/...</c> uploads or http(s) addresses of PDF/DOC/DOCX files.</summary>
    public List<string> Files { get; set; } = [];

    /// <summary>Numbers of the documents this one replaces.</summary>
    public List<string> Replaces { get; set; } = [];

    public List<string> Amends { get; set; } = [];

    public List<string> Guides { get; set; } = [];
}
