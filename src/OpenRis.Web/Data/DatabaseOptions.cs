namespace OpenRis.Web.Data;

/// <summary>Settings under "Database"; the connection string is ConnectionStrings:OpenRis.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start (single instance). Multi-node setups run `openris migrate` once instead.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public const string DefaultSqliteConnection = "Data Source=data/openris.db";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
