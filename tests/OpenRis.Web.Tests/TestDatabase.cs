using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenRis.Web.Data;
using OpenRis.Web.Data.Postgres;
using OpenRis.Web.Data.Sqlite;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Tests;

/// <summary>
/// A fresh, empty database of one provider for one test: a SQLite file in a temporary folder, or a
/// new database on the PostgreSQL server the test command started (OPENRIS_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "OPENRIS_TEST_POSTGRES";
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    private TestDatabase(DatabaseProvider provider, string connectionString, string folder, string? postgresDatabase = null, string? postgresServer = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresDatabase = postgresDatabase;
        _postgresServer = postgresServer;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A temporary folder of this test (SQLite file, file store).</summary>
    public string Folder { get; }

    public string FilesRoot => Path.Combine(Folder, "files");

    /// <param name="postgresServer">Another PostgreSQL server than the test command's, e.g. a cluster of the test's own.</param>
    public static async Task<TestDatabase> CreateAsync(string provider, string? postgresServer = null)
    {
        var folder = Directory.CreateTempSubdirectory("openris-test-").FullName;
        if (provider == "sqlite")
        {
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "openris.db")};Pooling=False", folder);
        }

        var server = postgresServer ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("OPENRIS_TEST_REQUIRE_POSTGRES") != "1",
                $"PostgreSQL not configured: set {PostgresVariable} (scripts/test.sh does).");
            Assert.Fail($"PostgreSQL is required but {PostgresVariable} is not set.");
        }
        var name = $"openris_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connection, folder, name, server);
    }

    public RisDbContext NewContext(TimeProvider? clock = null, string actor = "test") =>
        Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteRisDbContext(
                new DbContextOptionsBuilder<SqliteRisDbContext>().UseSqlite(ConnectionString).Options,
                clock ?? TimeProvider.System, new AuditActor { Name = actor }, Projection),
            DatabaseProvider.Postgres => new PostgresRisDbContext(
                new DbContextOptionsBuilder<PostgresRisDbContext>().UseNpgsql(ConnectionString).Options,
                clock ?? TimeProvider.System, new AuditActor { Name = actor }, Projection),
        };

    /// <summary>The OParl projection as a test host at http://localhost renders it.</summary>
    public static readonly OParlProjection Projection = new(new OParlOptions { BaseUrl = "http://localhost" });

    public async Task<RisDbContext> MigratedContextAsync(TimeProvider? clock = null)
    {
        var db = NewContext(clock);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>Settings that point an OpenRIS host at this database.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:OpenRis"] = ConnectionString,
        ["Files:Root"] = FilesRoot,
        ["OParl:BaseUrl"] = "http://localhost",
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>Theory rows: every data test runs on both providers.</summary>
public static class Databases
{
    public static TheoryData<string> Both => new("sqlite", "postgres");
}
