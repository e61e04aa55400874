namespace OpenRis.Web.Data;

/// <summary>Settings under "Database"; the connection string is ConnectionStrings:OpenRis.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start (single instance). Multi-node setups run `openris migrate` once instead.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// PostgreSQL only: a read replica (streaming standby) that the OParl API reads from. Optional; it lags the
    /// primary by the replication delay, so nothing that must see its own writes reads there.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    public const string DefaultSqliteConnection = "Data Source=data/openris.db";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
