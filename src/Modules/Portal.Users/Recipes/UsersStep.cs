using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Users.Models;
using Portal.Users.Services;

namespace Portal.Users.Recipes;

/// <summary>
/// <c>{ "name": "users", "users": [ { "userName": "btv-xa", "email": "...", "password": "...", "roles": ["Editor"] } ] }</c>
/// — creates each login if missing (logins are shared by the province) and grants it the roles on
/// this site. An existing login keeps its password.
/// </summary>
internal sealed class UsersStep : IRecipeStep
{
    public string Name => "users";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "users");
        foreach (var user in StepReader.Objects(step, "users", problems, required: true))
        {
            StepReader.OnlyKnown(user, problems, "userName", "displayName", "email", "password", "roles");
            StepReader.String(user, "userName", problems, required: true);
            StepReader.String(user, "displayName", problems);
            StepReader.String(user, "email", problems);
            StepReader.String(user, "password", problems);
            StepReader.Strings(user, "roles", problems);
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var users = context.Services.GetRequiredService<UserManager<PortalUser>>();
        var grants = context.Services.GetRequiredService<IRoleGrants>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        foreach (var definition in StepReader.Objects(step, "users"))
        {
            var userName = StepReader.String(definition, "userName")!;
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                var password = StepReader.String(definition, "password")
                    ?? throw new InvalidOperationException($"user '{userName}' does not exist yet and has no 'password'.");
                user = new PortalUser
                {
                    UserName = userName,
                    DisplayName = StepReader.String(definition, "displayName") ?? userName,
                    Email = StepReader.String(definition, "email"),
                    LockoutEnabled = true,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"user '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }

            foreach (var role in StepReader.Strings(definition, "roles"))
            {
                await grants.GrantAsync(user.Id, role, cancellationToken);
            }
        }
    }
}
