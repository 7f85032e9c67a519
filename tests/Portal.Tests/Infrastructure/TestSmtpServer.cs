using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback inside the test process (the SmtpServer package): it keeps every
/// message it accepts, parsed by MimeKit from the bytes that crossed the wire, and refuses
/// recipients whose address starts with "reject" (550), as a real server refuses an unknown mailbox.
/// Stopped and started again on the same port to play a mail server that is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public TestSmtpServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    public bool IsRunning => _running is { IsCompleted: false };

    public IReadOnlyList<MimeMessage> Received => _received.ToArray();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test.local")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new RejectingFilter());
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);

        // StartAsync binds the listener on its own schedule: wait until a client can connect.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_running.IsFaulted)
            {
                await _running;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>Waits (real time) until <paramref name="count"/> messages reached <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (To(address).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return To(address);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class RejectingFilter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("reject", StringComparison.OrdinalIgnoreCase));
    }
}
