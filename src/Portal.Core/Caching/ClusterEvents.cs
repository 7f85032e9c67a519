using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Portal.Core.Caching;

/// <summary>
/// The nodes sharing a PostgreSQL database, over LISTEN/NOTIFY (no separate bus). Received:
/// "cache:{tenantId}" and "cache-below:{tenantId}", sent by the database itself on the commit of a
/// <see cref="CacheEviction"/> row (a trigger), so that a change made by the CLI, which exits
/// without running this service, reaches them too; and "tenants" (reload the tenant catalog),
/// published from here, best effort — the catalog refresher catches what is missed. On SQLite it
/// does nothing (<see cref="CacheEvictionListener"/> polls the eviction rows instead).
/// </summary>
public sealed partial class ClusterEvents(IOptions<PortalOptions> options, ILogger<ClusterEvents> logger) : BackgroundService
{
    public const string ChannelName = "portal_events";

    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>();

    /// <summary>Raised for every event from any node (this one included).</summary>
    public event Action<string>? Received;

    private string? ConnectionString =>
        options.Value.Database.Provider == DatabaseProvider.Postgres ? options.Value.Database.ConnectionString : null;

    /// <summary>Queues an event for the other nodes; never blocks the caller.</summary>
    public void Publish(string message)
    {
        if (ConnectionString is not null)
        {
            _outgoing.Writer.TryWrite(message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ConnectionString is not { } connectionString)
        {
            return;
        }

        await Task.WhenAll(ListenAsync(connectionString, stoppingToken), SendAsync(connectionString, stoppingToken));
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Received?.Invoke(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken stoppingToken)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("payload", message);
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(logger, message, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' events failed; retrying in 5 s.")]
    private static partial void LogListenFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes '{Message}'; their caches expire on their own.")]
    private static partial void LogSendFailed(ILogger logger, string message, Exception ex);
}
