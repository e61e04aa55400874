using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Search;

namespace OpenRis.Web.Backup;

/// <summary>
/// <c>openris restore &lt;folder&gt; [--force]</c>, with the server stopped: checks every file of the
/// backup against backup.json before touching anything, refuses a target that holds data (unless
/// --force), then puts back the database, the file store, keys and feedback, migrates a backup of an
/// older version and rebuilds this node's search index.
/// </summary>
internal static class RestoreCommand
{
    public const string Usage = "Aufruf: openris restore <Ordner> [--force]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var force = args.Skip(1).Contains("--force");
        var rest = args.Skip(1).Where(a => a != "--force").ToList();
        if (rest.Count != 1 || rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"openris: Bitte genau einen Backup-Ordner angeben.\n\n{Usage}");
            return 2;
        }
        var folder = Path.GetFullPath(rest[0]);
        var (manifest, problem) = await BackupManifest.ReadAsync(folder, ct);
        if (manifest is null)
        {
            return await RefuseAsync(problem!);
        }
        var options = services.GetRequiredService<DatabaseOptions>();
        if (manifest.Provider != options.Provider.ToString())
        {
            return await RefuseAsync($"Das Backup stammt aus einer {manifest.Provider}-Datenbank, diese Instanz nutzt {options.Provider}; für einen Wechsel dienen export und import.");
        }
        var damaged = await manifest.VerifyAsync(folder, ct);
        if (damaged.Count > 0)
        {
            return await RefuseAsync($"Backup beschädigt, nichts wiederhergestellt: {string.Join(" ", damaged.Take(5))}{(damaged.Count > 5 ? $" (und {damaged.Count - 5} weitere)" : "")}");
        }
        await output.WriteLineAsync($"Backup geprüft: {manifest.Entries.Count} Dateien, Prüfsummen stimmen (OpenRIS {manifest.OpenRis}, {manifest.Created:yyyy-MM-dd HH:mm} UTC).");

        var folders = InstanceFolders.Of(services);
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
            connectionString = db.Database.GetConnectionString()!;
            if (!force)
            {
                var table = await FirstTableWithRowsAsync(db, options.Provider, ct);
                var used = folders.Where(f => f.Name != "keys" && InstanceFolders.HasFiles(f.Path)).Select(f => f.Path).FirstOrDefault();
                if (table is not null || used is not null)
                {
                    return await RefuseAsync($"Das Ziel ist nicht leer ({(table is not null ? $"Tabelle {table} hat Zeilen" : $"{used} enthält Dateien")}); mit --force wird es überschrieben.");
                }
            }
        }

        var file = Path.Combine(folder, manifest.Database);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            ReplaceSqliteFile(connectionString, file);
        }
        else
        {
            await PostgresTools.RestoreAsync(connectionString, file, services.GetRequiredService<IConfiguration>(), ct);
        }
        await output.WriteLineAsync($"  Datenbank        {manifest.Database}");

        var root = services.GetRequiredService<FileStore>().Root;
        // Meeting packages are a cache keyed by meeting and version: those of the data replaced would be wrong.
        var packages = Path.Combine(Path.GetDirectoryName(root)!, "packages");
        if (Directory.Exists(packages))
        {
            Directory.Delete(packages, recursive: true);
        }
        foreach (var (name, path) in folders)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            var count = await InstanceFolders.CopyAsync(Path.Combine(folder, name), path, ct);
            await output.WriteLineAsync($"  {name,-16} {count,8} Dateien");
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
            // A backup of an older version gets the schema of this one.
            await db.Database.MigrateAsync(ct);
            var index = services.GetRequiredService<SearchIndex>();
            await index.RebuildAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, output, ct);
        }
        await output.WriteLineAsync($"Wiederherstellung aus {folder} abgeschlossen; Suchindex neu aufgebaut.");
        return 0;
    }

    private static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync($"openris restore: {message}");
        return 1;
    }

    /// <summary>The copy is written beside the database and renamed over it, so a failed copy leaves the old file.</summary>
    private static void ReplaceSqliteFile(string connectionString, string backup)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".restore.tmp";
        File.Copy(backup, temporary, overwrite: true);
        SqliteConnection.ClearAllPools();
        // The old database's write-ahead log would be replayed into the restored file.
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A table of the target that holds rows (the migration history does not count), or null for an empty database.</summary>
    private static async Task<string?> FirstTableWithRowsAsync(RisDbContext db, DatabaseProvider provider, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tables = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = provider == DatabaseProvider.Sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables.Where(t => t != "__EFMigrationsHistory").Order(StringComparer.Ordinal))
            {
                if (await HasRowsAsync(connection, table, ct))
                {
                    return table;
                }
            }
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> HasRowsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" LIMIT 1";
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
