namespace Portal.Core.Security;

/// <summary>A person who holds a permission on a site, with the address mail to them goes to.</summary>
public sealed record SitePerson(string UserId, string UserName, string? Email);

/// <summary>
/// Who holds a permission on the current site through the site's own roles (administrators of
/// the site included; administrators of an ancestor, who may step in anywhere below, are not
/// counted, because they are not the site's staff). Used to route work to a site only when it has
/// someone to do it, and to send reminders. Implemented by the Users module.
/// </summary>
public interface IPermissionHolders
{
    Task<IReadOnlyList<SitePerson>> HoldersAsync(string permission, CancellationToken cancellationToken = default);
}
