namespace Portal.Core.Navigation;

/// <summary>
/// A number shown beside an admin menu entry (what waits for this person: questions to triage,
/// questions to answer). A module registers one per entry (scoped); it is asked only when the entry
/// is shown, once per admin page, so it must be one cheap indexed count.
/// </summary>
public interface IAdminMenuCount
{
    /// <summary>The entry's path, as in the module's <c>AdminMenu</c> (<c>~/admin/hoi-dap</c>).</summary>
    string Path { get; }

    Task<int> CountAsync(CancellationToken cancellationToken);
}
