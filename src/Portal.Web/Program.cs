using Portal.Web;
using Portal.Web.Cli;

// One executable, two uses: with a CLI verb it runs that command and exits; otherwise it serves.
if (CliRunner.IsCommand(args))
{
    return await CliRunner.RunAsync(args);
}

var app = PortalHost.Build(args);
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
