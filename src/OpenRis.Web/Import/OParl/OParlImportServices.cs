using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OpenRis.Web.Import.OParl;

/// <summary>The import's HttpClient: retries with exponential back-off on 5xx, 408, 429 and time-outs.</summary>
public static class OParlImportServices
{
    public const string HttpClientName = "oparl-import";

    public static IHostApplicationBuilder AddOParlImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OParlImportOptions>().BindConfiguration(OParlImportOptions.Section);
        builder.Services.AddHttpClient(HttpClientName, client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd("OpenRIS-OParl-Import/1.0 (+https://github.com/openris/openris)");
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            // The resilience pipeline below owns the time-outs.
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).AddResilienceHandler("oparl", ConfigureResilience);
        return builder;
    }

    /// <summary>Somacos and CC e-gov answer 500 now and then (oparl-notes §10 #10): three retries, 1 s, 2 s, 4 s plus jitter.</summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int timeoutSeconds = 60, TimeSpan? firstDelay = null)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(timeoutSeconds * 4));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay ?? TimeSpan.FromSeconds(1),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(timeoutSeconds));
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OParlImportOptions>>().Value;
        ConfigureResilience(pipeline, options.TimeoutSeconds);
    }
}
