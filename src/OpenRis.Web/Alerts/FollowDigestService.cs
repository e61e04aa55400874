using OpenRis.Web.Data;
using OpenRis.Web.OParl;
using OpenRis.Web.Search;

namespace OpenRis.Web.Alerts;

/// <summary>Checks for due digests every <see cref="AlertOptions.CheckMinutes"/> minutes; the mails go out through the mail dispatcher.</summary>
public sealed partial class FollowDigestService(IServiceScopeFactory scopes, AlertOptions alerts, OParlOptions site, TimeProvider clock, ILogger<FollowDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (alerts.CheckMinutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(alerts.CheckMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
                await FollowDigests.QueueDueAsync(db, scope.ServiceProvider.GetRequiredService<SearchService>(), site.BaseUrl, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDigestFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queueing follow digests failed; trying again at the next check.")]
    private static partial void LogDigestFailed(ILogger logger, Exception e);
}

public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>How often due digests are looked for; a daily digest goes out within this many minutes of being due. 0: never (tests queue by hand).</summary>
    public int CheckMinutes { get; set; } = 15;
}

public static class AlertExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions());
        builder.Services.AddHostedService<FollowDigestService>();
        return builder;
    }
}
