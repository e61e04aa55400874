using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OpenRis.Web.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port inside the test process (SmtpServer package): OpenRIS talks
/// SMTP to it over TCP like to any mail server, and the test reads what arrived as MimeMessages.
/// Can be stopped and started again on the same port to test a server that is down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _running;
    private Task? _serverTask;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _received];

    /// <summary>A sink on a free loopback port; started unless told otherwise.</summary>
    public static async Task<SmtpSink> StartAsync(bool started = true)
    {
        var sink = new SmtpSink(FreePort());
        if (started)
        {
            await sink.UpAsync();
        }
        return sink;
    }

    /// <summary>Settings that point an OpenRIS host at this sink.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:SenderAddress"] = "ratsinformation@hagen.example",
        ["Mail:SenderName"] = "Ratsinformationssystem Hagen",
        ["Mail:LinkBaseUrl"] = "https://ris.hagen.example",
    };

    public async Task UpAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serverTask = server.StartAsync(_running.Token);
        // StartAsync listens before its first await; make sure the port answers before a test sends.
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"SMTP sink did not start on port {Port}.");
    }

    public async Task DownAsync()
    {
        if (_running is null)
        {
            return;
        }
        await _running.CancelAsync();
        try
        {
            await _serverTask!;
        }
        catch (OperationCanceledException)
        {
            // Stopping is cancelling.
        }
        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await DownAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
