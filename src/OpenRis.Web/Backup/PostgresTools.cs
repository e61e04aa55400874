using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Backup;

/// <summary>
/// pg_dump and pg_restore from Debian's postgresql-client, in the version of the server (a newer
/// pg_dump reads an older server; an older one refuses a newer server). A consistent snapshot
/// while the server runs is what pg_dump gives by design.
/// </summary>
internal static class PostgresTools
{
    /// <summary>Debian installs each major version's client tools here.</summary>
    private const string DebianRoot = "/usr/lib/postgresql";

    public static async Task DumpAsync(string connectionString, string file, IConfiguration configuration, CancellationToken ct)
    {
        var tool = await FindAsync("pg_dump", connectionString, configuration, ct);
        await RunAsync(tool, connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);
    }

    /// <summary>
    /// Restores into the configured database, replacing the tables the dump holds, in one transaction:
    /// a restore that fails leaves the database as it was.
    /// </summary>
    public static async Task RestoreAsync(string connectionString, string file, IConfiguration configuration, CancellationToken ct)
    {
        var tool = await FindAsync("pg_restore", connectionString, configuration, ct);
        await RunAsync(tool, connectionString, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], ct);
    }

    private static async Task<string> FindAsync(string tool, string connectionString, IConfiguration configuration, CancellationToken ct)
    {
        int major;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            major = connection.PostgreSqlVersion.Major;
        }
        // Backup:PostgresBin names the folder elsewhere than on Debian.
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } configured)
        {
            var path = Path.Combine(configured, tool);
            return File.Exists(path) ? path : throw new StartupException($"{tool} fehlt in Backup:PostgresBin ({configured}).");
        }
        var candidates = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Path: Path.Combine(d, "bin", tool)))
                .Where(c => c.Version >= major && File.Exists(c.Path))
                .OrderBy(c => c.Version)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0].Path
            : throw new StartupException(string.Create(CultureInfo.InvariantCulture,
                $"{tool} für PostgreSQL {major} fehlt (gesucht unter {DebianRoot}/*/bin): bitte das Debian-Paket postgresql-client-{major} installieren oder Backup:PostgresBin setzen."));
    }

    private static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--host");
        start.ArgumentList.Add(builder.Host ?? "localhost");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(builder.Port.ToString(CultureInfo.InvariantCulture));
        if (builder.Username is { Length: > 0 } user)
        {
            start.ArgumentList.Add("--username");
            start.ArgumentList.Add(user);
        }
        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(builder.Database ?? throw new StartupException("ConnectionStrings:OpenRis nennt keine Datenbank (Database=…)."));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The password goes through the environment, never the command line (visible in ps).
        if (builder.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        if (builder.SslMode != SslMode.Prefer)
        {
            start.Environment["PGSSLMODE"] = builder.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            };
        }
        using var process = Process.Start(start) ?? throw new StartupException($"{tool} ließ sich nicht starten.");
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            var message = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            throw new StartupException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(tool)} endete mit Code {process.ExitCode}: {message}"));
        }
    }
}
