using OpenRis.Web.Accounts;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Mail;
using OpenRis.Web.OParl;
using OpenRis.Web.Pages;
using OpenRis.Web.Search;

try
{
    // appsettings.json is read from next to the program, wherever it is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddRisDefaults();
    builder.AddRisTelemetry();
    builder.AddRisData();
    builder.AddRisAccounts();
    builder.AddMail();
    builder.AddOParl();
    builder.AddPortal();
    builder.AddSearch();
    builder.AddAlerts();
    builder.AddOParlImport();

    var app = builder.Build();
    app.UseResponseCompression();
    app.UseSecurityHeaders();
    app.UseOParl();
    app.UseRisDefaults();
    app.UseRisAccounts();
    app.UseUploadLimits();
    app.MapHealth();
    app.MapPortal();
    app.MapFiles();
    app.MapMeetingPackages();
    app.MapWorkspaceFiles();
    app.MapOfficialDocuments();
    app.MapPublicNotices();
    app.MapOParl();
    app.MapSearch();

    return await CommandLine.RunAsync(app, args);
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"openris: {e.Message}");
    return 1;
}
