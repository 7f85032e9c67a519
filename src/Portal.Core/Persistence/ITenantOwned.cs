namespace Portal.Core.Persistence;

/// <summary>
/// A row that belongs to one tenant. The DbContext filters every query on <see cref="TenantId"/>
/// and refuses to save a row of another tenant; leave it 0 on new rows and it is stamped.
/// </summary>
public interface ITenantOwned
{
    int TenantId { get; set; }
}
