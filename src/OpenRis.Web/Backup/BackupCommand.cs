using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Backup;

/// <summary>
/// <c>openris backup &lt;folder&gt;</c>: everything an instance holds, while its server runs: a
/// consistent snapshot of the whole database (non-public matters, drafts, workflow history,
/// accounts, audit, mail queue), then the file store, keys and feedback, then backup.json with a
/// SHA-512 of every file. The database comes first: file contents are written before the row that
/// names them is committed and are never changed, so every file the snapshot names is there to copy.
/// </summary>
internal static class BackupCommand
{
    public const string Usage = "Aufruf: openris backup <Ordner>";
    public const string SqliteFile = "database.sqlite";
    public const string PostgresFile = "database.pgdump";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var folder = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (folder is null || args.Skip(1).Count(a => !a.StartsWith("--", StringComparison.Ordinal)) > 1)
        {
            await Console.Error.WriteLineAsync($"openris: Bitte genau einen Zielordner angeben.\n\n{Usage}");
            return 2;
        }
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await Console.Error.WriteLineAsync($"openris: Der Zielordner {folder} ist nicht leer; ein Backup braucht einen neuen Ordner.");
            return 1;
        }
        Directory.CreateDirectory(folder);

        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        string database;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // VACUUM INTO reads one snapshot (WAL keeps writers going) and writes a compact copy.
            database = SqliteFile;
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [Path.Combine(folder, database)], ct);
        }
        else
        {
            database = PostgresFile;
            await PostgresTools.DumpAsync(db.Database.GetConnectionString()!, Path.Combine(folder, database), services.GetRequiredService<IConfiguration>(), ct);
        }
        await output.WriteLineAsync($"  Datenbank        {database}");

        foreach (var (name, path) in InstanceFolders.Of(services))
        {
            var count = await InstanceFolders.CopyAsync(path, Path.Combine(folder, name), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {count,8} Dateien"));
        }

        var entries = await BackupManifest.ListAsync(folder, ct);
        var version = typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unbekannt";
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, version, options.Provider.ToString(), migration,
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, database, entries);
        await manifest.WriteAsync(folder, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backup nach {folder} abgeschlossen: {entries.Count} Dateien, {entries.Sum(e => e.Bytes) / 1024.0 / 1024.0:0.0} MB."));
        return 0;
    }
}
