using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Data;

/// <summary>
/// Database:ReadOnlyConnectionString against a real streaming replica of the test cluster (pg_basebackup,
/// standby.signal, another port): with the replica's WAL replay paused, OParl still shows the old state
/// while the portal page and the workspace, on the primary, see and make the new one; after resuming the
/// replay OParl catches up. The primary is a cluster of this test's own: the replica of the shared test
/// cluster had to replay every other test's writes too, which under a full parallel run took longer than
/// any sensible wait.
/// </summary>
public sealed class ReadReplicaTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OParlReadsTheReplica_WritesAndThePortalUseThePrimary()
    {
        await using var primary = await Primary.StartAsync();
        await using var database = await TestDatabase.CreateAsync("postgres", primary.ConnectionString);
        await using var replica = await Replica.StartAsync(primary);
        var replicaConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = replica.Port }.ConnectionString;
        await using var app = new RisApp(database, settings: new Dictionary<string, string> { ["Database:ReadOnlyConnectionString"] = replicaConnection });
        using var anonymous = app.Client();
        using (var ready = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        long paperId;
        await using (var db = database.NewContext())
        {
            paperId = await db.Papers.Where(p => p.Reference == "0930/2018").Select(p => p.Id).SingleAsync(Token);
        }
        var oparl = $"/oparl/v1.1/paper/{paperId}";
        await replica.CaughtUpAsync(database.ConnectionString);
        Assert.Contains("Digitalisierungsstrategie", await anonymous.GetStringAsync(new Uri(oparl, UriKind.Relative), Token), StringComparison.Ordinal);

        await replica.ExecuteAsync("SELECT pg_wal_replay_pause()");
        // A write on the primary (as the workspace makes them) ...
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == paperId, Token);
            paper.Name = "Digitale Verwaltung Hagen (neu gefasst)";
            await db.SaveChangesAsync(Token);
        }
        // ... the workspace itself writes to the primary while the replica is frozen (a replica would refuse the INSERT) ...
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync("/arbeitsbereich/vorlagen/neu");
        using (var saved = await faction.SubmitAsync("/arbeitsbereich/vorlagen/neu", "Entwurf speichern",
            new() { ["Form.KindId"] = form.Option("Form.KindId", "Antrag"), ["Form.Subject"] = "Entwurf während der Replikationspause", ["Form.Text"] = "Text" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        await using (var db = database.NewContext())
        {
            Assert.True(await db.Papers.AnyAsync(p => p.Subject == "Entwurf während der Replikationspause", Token));
        }
        // ... the portal page reads the primary and shows the change at once; OParl, from the replica, not yet.
        Assert.Contains("Digitale Verwaltung Hagen (neu gefasst)", await anonymous.GetStringAsync(new Uri($"/vorlagen/{paperId}", UriKind.Relative), Token), StringComparison.Ordinal);
        var stale = await anonymous.GetStringAsync(new Uri(oparl, UriKind.Relative), Token);
        Assert.DoesNotContain("neu gefasst", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("neu gefasst", await anonymous.GetStringAsync(new Uri("/oparl/v1.1/body/1/paper?limit=1000", UriKind.Relative), Token), StringComparison.Ordinal);

        await replica.ExecuteAsync("SELECT pg_wal_replay_resume()");
        await replica.CaughtUpAsync(database.ConnectionString);
        Assert.Contains("Digitale Verwaltung Hagen (neu gefasst)", await anonymous.GetStringAsync(new Uri(oparl, UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains("Digitale Verwaltung Hagen (neu gefasst)", await anonymous.GetStringAsync(new Uri("/oparl/v1.1/body/1/paper?limit=1000", UriKind.Relative), Token), StringComparison.Ordinal);
    }

    /// <summary>A throwaway cluster of scripts/start-test-postgres.sh for this test alone (it trusts replication connections).</summary>
    private sealed class Primary : IAsyncDisposable
    {
        private static readonly string Script = Path.Combine(SharedData.RepositoryRoot() ?? throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory), "scripts", "start-test-postgres.sh");

        private Primary(string connectionString, string folder, string port)
        {
            ConnectionString = connectionString;
            Folder = folder;
            Port = port;
        }

        public string ConnectionString { get; }
        public string Folder { get; }
        public string Port { get; }

        public static async Task<Primary> StartAsync()
        {
            var sharedPort = Environment.GetEnvironmentVariable("OPENRIS_TEST_PGPORT");
            Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENRIS_TEST_POSTGRES")) || string.IsNullOrEmpty(sharedPort),
                "No test cluster of scripts/start-test-postgres.sh (OPENRIS_TEST_POSTGRES, OPENRIS_TEST_PGPORT).");
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            // The script prints shell-quoted export lines; the shell unquotes them.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"set -e; eval \"$('{Script}')\"; printf '%s\\n' \"$OPENRIS_TEST_POSTGRES\" \"$OPENRIS_TEST_PGDATA\" \"$OPENRIS_TEST_PGPORT\"");
            start.Environment["OPENRIS_TEST_PG_PORT_START"] = (int.Parse(sharedPort!, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync(Token);
            var lines = (await process.StandardOutput.ReadToEndAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await process.WaitForExitAsync(Token);
            Assert.True(process.ExitCode == 0 && lines.Length == 3, $"start-test-postgres.sh failed ({process.ExitCode}): {await error}");
            return new Primary(lines[0], lines[1], lines[2]);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            using var process = Process.Start(new ProcessStartInfo("bash", [Script, "--stop", Folder]) { RedirectStandardError = true })!;
            await process.StandardError.ReadToEndAsync(Token);
            await process.WaitForExitAsync(Token);
        }
    }

    /// <summary>A hot standby of the test's primary in a data directory of its own, streaming from it.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly string _bin;
        private readonly string _folder;

        private Replica(string bin, string folder, int port)
        {
            _bin = bin;
            _folder = folder;
            Port = port;
        }

        public int Port { get; }

        private string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=unused;Database=postgres;Pooling=false";

        public static async Task<Replica> StartAsync(Primary primary)
        {
            var bin = File.ReadLines(Path.Combine(primary.Folder, ".openris-test-cluster")).Single(l => l.StartsWith("pg_bin=", StringComparison.Ordinal))["pg_bin=".Length..];
            // Beside the primary's folder: it is reachable for the postgres user the cluster runs as.
            var folder = primary.Folder + "-replica";
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var replica = new Replica(bin, folder, port);
            await AsOwnerAsync(Path.Combine(bin, "pg_basebackup"), "-h", "127.0.0.1", "-p", primary.Port, "-U", "postgres", "-D", folder, "-R", "-X", "stream", "--checkpoint=fast");
            // pg_basebackup -R wrote standby.signal and primary_conninfo; this port and socket folder come last and win.
            await File.AppendAllTextAsync(Path.Combine(folder, "postgresql.auto.conf"), $"\nport = {port}\nunix_socket_directories = '{folder}'\nhot_standby = on\n", Token);
            Assert.True(File.Exists(Path.Combine(folder, "standby.signal")));
            await AsOwnerAsync(Path.Combine(bin, "pg_ctl"), "-D", folder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start");
            return replica;
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(Token);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Token);
        }

        /// <summary>Waits until the replica has replayed everything the primary has written so far.</summary>
        public async Task CaughtUpAsync(string primaryConnectionString)
        {
            string target;
            await using (var primary = new NpgsqlConnection(primaryConnectionString))
            {
                await primary.OpenAsync(Token);
                await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
                target = (string)(await command.ExecuteScalarAsync(Token))!;
            }
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(Token);
            for (var i = 0; i < 600; i++)
            {
                await using var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= @target::pg_lsn", connection);
                command.Parameters.AddWithValue("target", target);
                if (await command.ExecuteScalarAsync(Token) is true)
                {
                    return;
                }
                await Task.Delay(100, Token);
            }
            Assert.Fail($"The replica did not reach {target} within a minute.");
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            if (File.Exists(Path.Combine(_folder, "postmaster.pid")))
            {
                await AsOwnerAsync(Path.Combine(_bin, "pg_ctl"), "-D", _folder, "-m", "immediate", "-w", "stop");
            }
            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>Runs a PostgreSQL program as the cluster's owner: the postgres user when the tests run as root.</summary>
        private static async Task AsOwnerAsync(string program, params string[] args)
        {
            var root = Environment.UserName == "root";
            var start = new ProcessStartInfo(root ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = "/",
            };
            if (root)
            {
                foreach (var arg in (string[])["-u", "postgres", "--", program])
                {
                    start.ArgumentList.Add(arg);
                }
            }
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(Token);
            var error = process.StandardError.ReadToEndAsync(Token);
            await process.WaitForExitAsync(Token);
            Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
