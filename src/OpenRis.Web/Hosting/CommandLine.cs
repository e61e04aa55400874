using OpenRis.Web.Data;
using OpenRis.Web.Demo;

namespace OpenRis.Web.Hosting;

/// <summary>
/// The verbs of <c>openris &lt;verb&gt;</c>. They run on the same host as the web server, so they
/// see the same configuration (appsettings, environment, --ConnectionStrings:OpenRis=…).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Aufruf: openris [Befehl] [Optionen]

        Befehle:
          serve       startet den Webserver (Standard); --urls http://127.0.0.1:5000 wie in jeder ASP.NET-Anwendung
          migrate     bringt das Datenbankschema auf den neuesten Stand
          seed        legt die Demo-Kommune Hagen an, wenn die Datenbank leer ist
          generate    erzeugt eine synthetische Kommune, z. B. generate --papers 100000
          search rebuild  baut den Suchindex dieses Knotens aus der Datenbank neu auf
          check       prüft Vorlagen, Dateispeicher und Suchindex auf Reste eines Absturzes (bei angehaltenem Server);
                      check --repair entfernt verwaiste Dateien und baut einen abweichenden Suchindex neu auf
          import documents <Ordner>  liest Altdokumente (PDF, Markdown, Text) als Vorschläge zur Prüfung ein
          import oparl URL  spiegelt einen fremden OParl-Server (inkrementell, fortsetzbar)
          export ORDNER   schreibt alle öffentlichen Objekte als OParl-JSON samt Dateien
          backup ORDNER   sichert die ganze Datenbank samt Dateien und Schlüsseln (auch bei laufendem Server)
          restore ORDNER [--force]  stellt ein Backup in eine leere Instanz wieder her (bei angehaltenem Server)
          help        zeigt diese Hilfe
        """;

    /// <summary>The verb is the first argument, unless that is an option (--urls …), in which case it is serve.</summary>
    public static string VerbOf(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0].ToLowerInvariant() : "serve";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var verb = VerbOf(args);
        switch (verb)
        {
            case "serve":
                await app.Services.PrepareDatabaseAsync();
                await app.StartAsync();
                foreach (var url in app.Urls)
                {
                    Console.WriteLine($"OpenRIS läuft unter {url}");
                }
                await app.WaitForShutdownAsync();
                return 0;
            case "migrate":
                await MigrateAsync(app.Services);
                Console.WriteLine("Datenbankschema ist aktuell.");
                return 0;
            case "seed":
                await app.Services.PrepareDatabaseAsync();
                Console.WriteLine("Demo-Daten sind vorhanden.");
                return 0;
            case "generate":
                return await GenerateCommand.RunAsync(app.Services, args, Console.Out);
            case "search":
                return await Search.SearchCommand.RunAsync(app.Services, args, Console.Out);
            case "check":
                return await CheckCommand.RunAsync(app.Services, args, Console.Out);
            case "import" when args.Length > 1 && args[1] == "documents":
                return await Import.DocumentImportCommand.RunAsync(app.Services, args, Console.Out);
            case "import":
                return await Import.ImportCommand.RunAsync(app.Services, args, Console.Out);
            case "export":
                return await Export.ExportCommand.RunAsync(app.Services, args, Console.Out);
            case "backup":
                return await Backup.BackupCommand.RunAsync(app.Services, args, Console.Out);
            case "restore":
                return await Backup.RestoreCommand.RunAsync(app.Services, args, Console.Out);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"openris: unbekannter Befehl \"{verb}\".\n\n{Usage}");
                return 2;
        }
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        await DatabaseStartup.RunAgainstDatabaseAsync(scope.ServiceProvider.GetRequiredService<DatabaseOptions>(), () => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database));
    }
}
