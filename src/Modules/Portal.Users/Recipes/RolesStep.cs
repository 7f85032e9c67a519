using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Users.Models;

namespace Portal.Users.Recipes;

/// <summary>
/// <c>{ "name": "roles", "roles": [ { "name": "Editor", "description": "...", "permissions": ["ManagePages"] } ] }</c>
/// — each named role is created or set to exactly these permissions; roles not named are left alone.
/// </summary>
internal sealed class RolesStep(ModuleCatalog modules) : IRecipeStep
{
    public string Name => "roles";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "roles");
        var known = modules.Startups.SelectMany(s => s.Permissions).Select(p => p.Name).Append(CorePermissions.AccessAdmin.Name).Append(CorePermissions.All).ToHashSet(StringComparer.Ordinal);
        foreach (var role in StepReader.Objects(step, "roles", problems, required: true))
        {
            StepReader.OnlyKnown(role, problems, "name", "description", "permissions");
            var name = StepReader.String(role, "name", problems, required: true);
            if (name is { Length: 0 or > 64 })
            {
                problems.Add("a role name must have 1-64 characters.");
            }

            foreach (var permission in StepReader.Strings(role, "permissions", problems).Where(p => !known.Contains(p)))
            {
                problems.Add($"role '{name}': unknown permission '{permission}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<PortalDbContext>();
        foreach (var definition in StepReader.Objects(step, "roles"))
        {
            var name = StepReader.String(definition, "name")!;
            var role = await db.Set<TenantRole>().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (role is null)
            {
                role = new TenantRole { Name = name };
                db.Add(role);
            }

            role.Description = StepReader.String(definition, "description") ?? role.Description;
            role.Permissions = name == RoleNames.Administrator
                ? [CorePermissions.All]
                : [.. StepReader.Strings(definition, "permissions").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
