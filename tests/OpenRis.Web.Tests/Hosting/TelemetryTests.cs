using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics reach an OTLP/HTTP receiver on
/// loopback (a real HTTP listener that keeps what it is sent); without it nothing is sent.
/// </summary>
public sealed class TelemetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithEndpoint_TracesAndMetricsAreExported()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        await using var traced = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Address);
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100");
            builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "200");
        });

        using var response = await traced.CreateClient().GetAsync(new Uri("/vorlagen", UriKind.Relative), Token);
        response.EnsureSuccessStatusCode();

        var traces = await receiver.WaitForAsync("/v1/traces", body => body.Contains("/vorlagen", StringComparison.Ordinal));
        Assert.Contains("openris", traces, StringComparison.Ordinal);
        var metrics = await receiver.WaitForAsync("/v1/metrics", body => body.Contains("http.server.request.duration", StringComparison.Ordinal));
        Assert.Contains("openris", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutEndpoint_NothingIsSent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);

        using var response = await app.Client().GetAsync(new Uri("/vorlagen", UriKind.Relative), Token);
        response.EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(1), Token);

        Assert.Empty(receiver.Received);
    }

    /// <summary>Accepts OTLP/HTTP exports and keeps each body; protobuf carries strings as UTF-8, so they can be searched.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpReceiver(WebApplication app, string address) => (_app, Address) = (app, address);

        public string Address { get; }
        public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            OtlpReceiver? receiver = null;
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                receiver!.Received.Enqueue((context.Request.Path.Value!, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await app.StartAsync(Token);
            receiver = new OtlpReceiver(app, app.Urls.First());
            return receiver;
        }

        public async Task<string> WaitForAsync(string path, Func<string, bool> matches)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                var hit = Received.FirstOrDefault(r => r.Path == path && matches(r.Body));
                if (hit.Body is not null)
                {
                    return hit.Body;
                }
                await Task.Delay(100, timeout.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
