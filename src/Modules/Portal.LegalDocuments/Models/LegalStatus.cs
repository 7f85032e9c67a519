namespace Portal.LegalDocuments.Models;

/// <summary>
/// Validity of a document (tình trạng hiệu lực). Never stored or typed by hand: it follows from
/// the dates and from whether a published document replaces this one, so the passing of time
/// changes it without a write (see <see cref="LegalStatuses.Of"/> and the list query).
/// </summary>
public enum LegalStatus
{
    InEffect,
    NotYetEffective,
    Expired,
    Replaced,
}

public static class LegalStatuses
{
    public static string Text(LegalStatus status) => status switch
    {
        LegalStatus.NotYetEffective => "Chưa có hiệu lực",
        LegalStatus.Expired => "Hết hiệu lực",
        LegalStatus.Replaced => "Bị thay thế",
        _ => "Còn hiệu lực",
    };

    /// <summary>The status as it appears in addresses (<c>?status=con-hieu-luc</c>).</summary>
    public static string Slug(LegalStatus status) => status switch
    {
        LegalStatus.NotYetEffective => "chua-co-hieu-luc",
        LegalStatus.Expired => "het-hieu-luc",
        LegalStatus.Replaced => "bi-thay-the",
        _ => "con-hieu-luc",
    };

    public static LegalStatus? FromSlug(string? slug) =>
        Enum.GetValues<LegalStatus>().Cast<LegalStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>
    /// Replacement wins (a replaced document is no longer the one to apply); then a future effective
    /// date; then an expiry date reached (the document stops applying on that day); otherwise in effect.
    /// A missing effective date means effective from issue.
    /// </summary>
    public static LegalStatus Of(DateOnly? effectiveOn, DateOnly? expiresOn, bool replaced, DateOnly today) =>
        replaced ? LegalStatus.Replaced
        : effectiveOn > today ? LegalStatus.NotYetEffective
        : expiresOn <= today ? LegalStatus.Expired
        : LegalStatus.InEffect;

    /// <summary>Today in Vietnam (UTC+7, no daylight saving): dates on documents are Vietnamese dates.</summary>
    public static DateOnly Today(TimeProvider clock) => Portal.Core.VietnamTime.Today(clock);
}
