namespace Portal.Tests.Browser;

/// <summary>
/// The browser tests each start a server process and a Chromium. Run alongside the rest of the
/// suite on two cores they starve for CPU and time out, so they run on their own, one at a time,
/// after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
