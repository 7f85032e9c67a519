namespace Portal.Core.Tenancy;

/// <summary>Where a site sits in the administrative hierarchy (docs/domain.md: province, department, district, commune).</summary>
public enum TenantLevel
{
    Province = 0,
    Department = 1,
    District = 2,
    Commune = 3,
    Other = 4,
}
