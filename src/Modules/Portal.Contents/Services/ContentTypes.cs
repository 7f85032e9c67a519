using System.Security.Claims;
using Portal.Core.Contents;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Contents.Services;

/// <summary>
/// The content types this person may work with on this site: the type's feature is enabled here and
/// they hold one of its permissions. <see cref="OwnOnlyAsync"/> tells the types where they see only
/// their own items (a reporter's).
/// </summary>
public sealed class ContentTypes(IEnumerable<ContentTypeDefinition> definitions, TenantContext site, IPermissionService permissions)
{
    public async Task<IReadOnlyList<ContentTypeDefinition>> EditableAsync(ClaimsPrincipal user)
    {
        var result = new List<ContentTypeDefinition>();
        foreach (var type in definitions.Where(d => site.Tenant.HasFeature(d.FeatureId)).OrderBy(d => d.DisplayName, StringComparer.Ordinal))
        {
            foreach (var permission in type.Permissions.All)
            {
                if (await permissions.HasPermissionAsync(user, permission))
                {
                    result.Add(type);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The type's own admin screens this person may open.</summary>
    public async Task<IReadOnlyList<(string Label, string Path)>> LinksAsync(ClaimsPrincipal user, ContentTypeDefinition type)
    {
        var links = new List<(string, string)>();
        foreach (var (label, path, permission) in type.AdminLinks)
        {
            if (await permissions.HasPermissionAsync(user, permission ?? type.Permissions.EditOwn))
            {
                links.Add((label, path));
            }
        }

        return links;
    }

    /// <summary>Of these types, the ones where this person holds only EditOwn: they see their own items only.</summary>
    public async Task<IReadOnlySet<string>> OwnOnlyAsync(ClaimsPrincipal user, IEnumerable<ContentTypeDefinition> types)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var p = type.Permissions;
            if (!await permissions.HasPermissionAsync(user, p.EditAny) && !await permissions.HasPermissionAsync(user, p.Approve) && !await permissions.HasPermissionAsync(user, p.Publish))
            {
                own.Add(type.Type);
            }
        }

        return own;
    }
}
