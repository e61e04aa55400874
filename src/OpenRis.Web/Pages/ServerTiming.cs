using System.Diagnostics;
using System.Globalization;

namespace OpenRis.Web.Pages;

/// <summary>
/// A <c>Server-Timing: app;dur=…</c> header on every response (W3C Server Timing), so that benchmarks and the
/// browser's developer tools see the server's own time apart from the network and the client.
/// </summary>
internal static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={milliseconds:0.0}");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
