using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Models;

/// <summary>
/// One relation of a published document to another, by the target's number (the envelope names
/// targets by number, and the target may be published later or never): read forwards on the
/// source's page and backwards ("bị thay thế bởi") on the target's.
/// </summary>
internal sealed class LegalDocumentRelation : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string SourceContentItemId { get; set; } = "";

    public string Kind { get; set; } = RelationKinds.Replaces;

    public string TargetNumber { get; set; } = "";
}
