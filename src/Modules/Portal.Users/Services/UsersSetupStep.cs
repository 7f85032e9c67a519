using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Setup;

namespace Portal.Users.Services;

/// <summary>
/// Gives every new site its standard roles; on the default site also the first administrator
/// (docs/contracts.md: from Portal:Admin, or a random password printed once to the console).
/// </summary>
internal sealed class UsersSetupStep(IOptions<PortalOptions> options) : ITenantSetupStep
{
    public string FeatureId => "Portal.Users";

    public int Order => 0;

    public async Task ExecuteAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        await services.GetRequiredService<IRoleGrants>().EnsureStandardRolesAsync(cancellationToken);
        if (!context.Tenant.IsDefault)
        {
            return;
        }

        var admin = options.Value.Admin;
        var result = await services.GetRequiredService<AdministratorAccounts>().EnsureAsync(admin.UserName, admin.Email, admin.Password, cancellationToken);
        if (result.GeneratedPassword is not null)
        {
            // Printed once, on purpose to the console and not to a log sink that may be kept.
            Console.WriteLine($"Portal: the first administrator is '{result.User.UserName}' with password: {result.GeneratedPassword}");
            Console.WriteLine("Portal: sign in at /admin and keep this password; it is not shown again.");
        }
    }
}
