using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenRis.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP only when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (environment or settings): a city's monitoring decides,
/// and a plain installation pays nothing. The exporter reads the other OTEL_* variables itself.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "openris";

    /// <summary>The source of OpenRIS's own spans (e.g. imports, index updates).</summary>
    public static readonly System.Diagnostics.ActivitySource Source = new("OpenRis");

    public static IHostApplicationBuilder AddRisTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(Source.Name, "Npgsql")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddOtlpExporter());
        return builder;
    }
}
