using Microsoft.Extensions.Logging;
using Portal.Core.Hosting;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;

namespace Portal.Web.Cli;

/// <summary>
/// The CLI verbs of docs/contracts.md. Each first brings the schema up to date and runs the auto-setup,
/// exactly as a start of the server would; then it does its work and exits 0, or prints one line
/// on stderr and exits non-zero.
/// </summary>
internal static class CliRunner
{
    /// <summary>
    /// A first argument that is not an option is a command: a mistyped verb must fail with a reason,
    /// not start the web server.
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Action<WebApplicationBuilder>? configure = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var arguments = new CliArguments(args);
            if (arguments.Positional is ["help", ..])
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }

            var (command, options) = Resolve(arguments);
            arguments.RequireOnly(options);
            await using var app = PortalHost.Build([], builder =>
            {
                // A rule added after the configuration's wins over appsettings' "Default": "Information".
                builder.Logging.AddFilter((string?)null, LogLevel.Warning);
                configure?.Invoke(builder);
            });
            await app.Services.GetRequiredService<PortalInitializer>().InitializeAsync();
            return await command(app.Services, arguments, output);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return 2;
        }
        catch (TenantValidationException ex)
        {
            await error.WriteLineAsync("error: " + string.Join(" ", ex.Errors.Values));
            return 1;
        }
        catch (Portal.Api.Services.ApiClientException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        catch (RecipeException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message.ReplaceLineEndings(" "));
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException or ArgumentException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            await error.WriteLineAsync("error: " + OneLine(ex));
            return 1;
        }
    }

    private delegate Task<int> Command(IServiceProvider services, CliArguments arguments, TextWriter output);

    /// <summary>The command and the options it accepts (an unknown or valueless option is a usage error).</summary>
    private static (Command Command, string[] Options) Resolve(CliArguments arguments) => arguments.Positional switch
    {
        ["tenants", "list"] => (TenantCommands.ListAsync, ["level", "parent"]),
        ["tenants", "provision"] => (TenantCommands.ProvisionAsync, ["name", "display-name", "level", "parent", "recipe", "prefix", "host", "csv"]),
        ["tenants", "disable", _] => (TenantCommands.DisableAsync, []),
        ["tenants", "enable", _] => (TenantCommands.EnableAsync, []),
        ["tenants", "remove", _] => (TenantCommands.RemoveAsync, []),
        ["tenants", "disable" or "enable" or "remove"] => throw new CliUsageException("tenants disable|enable|remove needs the tenant's name, e.g. tenants disable xa-hong-ha."),
        ["recipes", "run", _] => (RecipeCommands.RunAsync, ["tenant", "tenants"]),
        ["recipes", "list"] => (ListRecipesAsync, []),
        ["recipes", "run"] => throw new CliUsageException("recipes run needs a recipe name or a path to a .recipe.json file."),
        ["users", "create-admin"] => (UserCommands.CreateAdminAsync, ["user", "password", "email", "tenant"]),
        ["api-clients", "add"] => (ApiClientCommands.AddAsync, ["client-id", "client-secret", "scopes", "display-name", "tenant"]),
        ["api-clients", "list"] => (ApiClientCommands.ListAsync, ["tenant"]),
        ["api-clients", "remove", _] => (ApiClientCommands.RemoveAsync, ["tenant"]),
        ["mail", "send-test"] => (MailCommands.SendTestAsync, ["to", "tenant"]),
        ["mail", "queue"] => (MailCommands.QueueAsync, ["errors"]),
        ["mail", "retry"] => (MailCommands.RetryAsync, ["id"]),
        ["search", "rebuild"] => (SearchCommands.RebuildAsync, ["tenant"]),
        ["api-clients", "remove"] => throw new CliUsageException("api-clients remove needs the client id, e.g. api-clients remove cong-dvc."),
        _ => throw new CliUsageException($"unknown command '{string.Join(' ', arguments.Positional)}'. Run with 'help' for the list of commands."),
    };

    private static async Task<int> ListRecipesAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        foreach (var recipe in services.GetRequiredService<RecipeCatalog>().All())
        {
            await output.WriteLineAsync($"{recipe.Name,-20} {(recipe.IsSetupRecipe ? "setup " : "update")}  {recipe.DisplayName}");
        }

        return 0;
    }

    private static string OneLine(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.ReplaceLineEndings(" ");
    }

    private const string Usage = """
        Portal.Orchard command line (dotnet run --project src/Portal.Web -- <verb>)
          tenants list [--level Commune] [--parent NAME]
          tenants provision --csv communes.csv --recipe commune --parent default
          tenants provision --name xa-hong-ha --display-name "Xã Hồng Hà" --level Commune --parent default --recipe commune [--prefix P] [--host H ...]
          tenants disable NAME
          tenants enable NAME
          tenants remove NAME                       (disabled sites only; deletes the site's data)
          recipes list
          recipes run NAME|PATH.recipe.json --tenant NAME
          recipes run NAME|PATH.recipe.json --tenants level=Commune[,parent=NAME]   (or --tenants all)
          users create-admin --user NAME [--password P] [--email E] [--tenant NAME]
          api-clients add --client-id ID --client-secret SECRET --scopes "content.read content.write" [--display-name N] [--tenant NAME]
          api-clients list [--tenant NAME]
          api-clients remove ID [--tenant NAME]
          mail send-test --to ADDRESS [--to ADDRESS ...] [--tenant NAME]   (queues a test message; the server sends it)
          mail queue [--errors N]                   (pending and failed counts, the last errors)
          mail retry [--id N]                       (failed messages back in the queue)
          search rebuild [--tenant NAME]            (every node rebuilds its search index, or one site's documents)
        """;
}
