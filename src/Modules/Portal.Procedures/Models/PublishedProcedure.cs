using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.Procedures.Models;

/// <summary>
/// The published projection of a procedure, kept in step by the content events: typed, indexed
/// columns for the public filters, and the published fields (<see cref="Data"/>) so that a detail
/// page, including one shown on a commune's site for the province's procedure, reads this row alone.
/// </summary>
internal sealed class PublishedProcedure : PublishedContentRow
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name folded (TextFolding) for searches typed without diacritics.</summary>
    public string NameFolded { get; set; } = "";

    public string Field { get; set; } = "";

    public ProcedureLevel Level { get; set; }

    public string Agency { get; set; } = "";

    public OnlineServiceLevel OnlineLevel { get; set; }

    public DateTime PublishedUtc { get; set; }

    /// <summary>The published version's fields as JSON (<see cref="ProcedureFields"/>).</summary>
    public string Data { get; set; } = "{}";
}

/// <summary>
/// The editors' index of every procedure's latest version (drafts included): the admin list's
/// search and filters, and the lookup by code that makes imports idempotent.
/// </summary>
internal sealed class ProcedureIndexEntry : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Code { get; set; } = "";

    public string NameFolded { get; set; } = "";

    public string Field { get; set; } = "";

    public ProcedureLevel Level { get; set; }

    public OnlineServiceLevel OnlineLevel { get; set; }
}
