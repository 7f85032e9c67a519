using Portal.Core.Tenancy;

namespace Portal.Tenants.Controllers;

/// <summary>
/// The sites an administrator of the current site may manage: the site and everything under it.
/// A province administrator manages every department and commune; a department's only its own.
/// </summary>
internal static class ManagedSites
{
    public static HashSet<int> Of(TenantCatalog catalog, Tenant root)
    {
        var children = catalog.All.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var result = new HashSet<int> { root.Id };
        var pending = new Stack<int>([root.Id]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                if (result.Add(child.Id))
                {
                    pending.Push(child.Id);
                }
            }
        }

        return result;
    }

    public static IEnumerable<Tenant> Filter(TenantCatalog catalog, HashSet<int> managed, string? search, TenantLevel? level, string? parent, TenantState? state)
    {
        IEnumerable<Tenant> query = catalog.All.Where(t => managed.Contains(t.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(t => t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || t.DisplayName.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || t.Hosts.Any(h => h.Contains(term, StringComparison.OrdinalIgnoreCase)));
        }

        if (level is not null)
        {
            query = query.Where(t => t.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(parent))
        {
            var parentId = catalog.FindByName(parent.Trim())?.Id ?? -1;
            query = query.Where(t => t.ParentId == parentId);
        }

        if (state is not null)
        {
            query = query.Where(t => t.State == state);
        }

        return query.OrderBy(t => t.Level).ThenBy(t => t.Name, StringComparer.Ordinal);
    }
}
