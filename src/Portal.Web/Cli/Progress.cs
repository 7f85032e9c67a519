namespace Portal.Web.Cli;

/// <summary>
/// Progress of long CLI work: a redrawn bar on a terminal, a line every few percent otherwise
/// (logs and CI), so an administrator provisioning thousands of sites sees it move.
/// </summary>
internal sealed class Progress(TextWriter output, int total, string what)
{
    private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private readonly DateTime _started = DateTime.UtcNow;
    private int _lastPercent = -1;

    public async Task ReportAsync(int done, string status)
    {
        var percent = total == 0 ? 100 : done * 100 / total;
        var elapsed = DateTime.UtcNow - _started;
        if (_terminal)
        {
            var filled = percent / 5;
            await output.WriteAsync($"\r[{new string('#', filled)}{new string('-', 20 - filled)}] {done}/{total} {what} {status} {elapsed.TotalSeconds:F0}s   ");
            if (done == total)
            {
                await output.WriteLineAsync();
            }
        }
        else if (percent / 5 != _lastPercent / 5 || done == total)
        {
            await output.WriteLineAsync($"[{done}/{total}] {what} {status} ({elapsed.TotalSeconds:F1}s)");
        }

        _lastPercent = percent;
    }
}
