using Portal.Core.Tenancy;
using Portal.Users.Services;

namespace Portal.Web.Cli;

internal static class UserCommands
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var userName = arguments.Option("user") ?? throw new CliUsageException("users create-admin needs --user NAME.");
        var tenantName = arguments.Option("tenant") ?? Tenant.DefaultName;
        var tenant = services.GetRequiredService<TenantCatalog>().FindByName(tenantName)
            ?? throw new CliUsageException($"there is no tenant named '{tenantName}'.");

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<AdministratorAccounts>()
            .EnsureAsync(userName, arguments.Option("email"), arguments.Option("password"));
        await output.WriteLineAsync(result.Created
            ? $"Created administrator '{userName}' of '{tenant.Name}'."
            : $"'{userName}' is now an administrator of '{tenant.Name}'.");
        if (result.GeneratedPassword is not null)
        {
            await output.WriteLineAsync($"Password (shown once): {result.GeneratedPassword}");
        }

        return 0;
    }
}
