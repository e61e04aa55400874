using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using OpenRis.Web.Data;
using OpenRis.Web.Files;

namespace OpenRis.Web.Hosting;

/// <summary>The service defaults every node runs with: clock, health, errors, German culture.</summary>
public static class RisDefaults
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static IHostApplicationBuilder AddRisDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        // German text stays readable in the HTML (ä, not &#xE4;); markup characters are still escaped.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHealthChecks();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(German);
            o.SupportedCultures = [German];
            o.SupportedUICultures = [German];
        });
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddSingleton(builder.Configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions());
        builder.Services.AddSingleton<FileStore>();
        builder.Services.AddSingleton<PdfText>();
        return builder;
    }

    public static WebApplication UseRisDefaults(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fehler");
        }
        app.UseStatusCodePagesWithReExecute("/fehler", "?code={0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        return app;
    }

    /// <summary>
    /// /healthz: the process answers. /readyz: the database answers too. Status only, no details;
    /// GET and HEAD only, so that no endpoint takes a POST without an antiforgery token.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        var readOnly = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(readOnly);
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithMetadata(readOnly);
        return app;
    }
}

/// <summary>Settings under "Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the Hagen demo municipality into an empty database at start.</summary>
    public bool Seed { get; set; } = true;
}
