using System.Globalization;
using Microsoft.Extensions.Options;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Import.OParl;

/// <summary><c>openris import oparl &lt;system-url&gt;</c>: mirrors a foreign OParl endpoint (docs/import.md).</summary>
internal static class OParlImportCommand
{
    public const string Usage = """
        Aufruf: openris import oparl <System-URL | Export-Ordner> [--full] [--no-files] [--max-file-bytes N] [--parallel N]

          --full              alle Listen vollständig lesen statt ab dem Stand des letzten Laufs (modified_since)
          --no-files          Dateien nicht herunterladen (nur ihre Metadaten)
          --max-file-bytes N  größere Dateien werden nicht geladen (Standard 104857600)
          --parallel N        gleichzeitige Anfragen (Standard 4)

        Ein abgebrochener Lauf wird beim nächsten Aufruf an der Seite fortgesetzt, an der er stand.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<OParlImportOptions>>().Value;
        string? url = null;
        string? folder = null;
        // args: import oparl <url> [options]; host settings (--Section:Key=value) are the host's.
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--full":
                    options.Full = true;
                    break;
                case "--no-files":
                    options.DownloadFiles = false;
                    break;
                case "--max-file-bytes" when i + 1 < args.Length && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var max) && max > 0:
                    options.MaxFileBytes = max;
                    i++;
                    break;
                case "--parallel" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var parallel) && parallel is > 0 and <= 32:
                    options.Parallelism = parallel;
                    i++;
                    break;
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
                    {
                        if (!arg.Contains('=', StringComparison.Ordinal))
                        {
                            i++;
                        }
                        break;
                    }
                    if (url is null && Uri.TryCreate(arg, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    {
                        url = arg;
                        break;
                    }
                    if (url is null && Directory.Exists(arg.StartsWith("file:", StringComparison.Ordinal) ? new Uri(arg).LocalPath : arg))
                    {
                        folder = arg.StartsWith("file:", StringComparison.Ordinal) ? new Uri(arg).LocalPath : arg;
                        url = folder;
                        break;
                    }
                    await output.WriteLineAsync($"openris import oparl: unbekannte Angabe \"{arg}\".\n\n{Usage}");
                    return 2;
            }
        }
        if (url is null)
        {
            await output.WriteLineAsync($"openris import oparl: Bitte die URL des OParl-Systems angeben.\n\n{Usage}");
            return 2;
        }

        await services.PrepareDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "openris import oparl";
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var http = scope.ServiceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(OParlImportServices.HttpClientName);
        if (folder is not null)
        {
            // An export folder is read as the endpoint it was exported from, without a server.
            if (OParlExportFolder.Open(folder) is not { } export)
            {
                await output.WriteLineAsync($"openris import oparl: {Path.GetFullPath(folder)} ist kein Export von openris export (export.json fehlt).");
                return 2;
            }
            (url, http) = export;
        }
        var importer = new OParlImporter(db, scope.ServiceProvider.GetRequiredService<FileStore>(), scope.ServiceProvider.GetRequiredService<PdfText>(), http, options, output);
        var report = await importer.RunAsync(url, ct);
        await output.WriteLineAsync(report.Render(importer.Elapsed));
        return report.Failure is null ? 0 : 1;
    }
}
