using System.Security.Claims;
using Portal.Core.Contents;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Contents.Services;

/// <summary>The content types this person may work with on this site: the type's feature is enabled here and they hold its edit permission.</summary>
public sealed class ContentTypes(IEnumerable<ContentTypeDefinition> definitions, TenantContext site, IPermissionService permissions)
{
    public async Task<IReadOnlyList<ContentTypeDefinition>> EditableAsync(ClaimsPrincipal user)
    {
        var result = new List<ContentTypeDefinition>();
        foreach (var type in definitions.Where(d => site.Tenant.HasFeature(d.FeatureId)).OrderBy(d => d.DisplayName, StringComparer.Ordinal))
        {
            if (await permissions.HasPermissionAsync(user, type.EditPermission))
            {
                result.Add(type);
            }
        }

        return result;
    }

    public async Task<bool> MayPublishAsync(ClaimsPrincipal user, ContentTypeDefinition type) =>
        await permissions.HasPermissionAsync(user, type.PublishPermission);
}
