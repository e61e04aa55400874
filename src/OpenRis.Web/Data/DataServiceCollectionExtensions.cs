using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenRis.Web.Data.Postgres;
using OpenRis.Web.Data.Sqlite;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers RisDbContext for the configured provider (SQLite unless Database:Provider=Postgres).</summary>
    public static IHostApplicationBuilder AddRisData(this IHostApplicationBuilder builder)
    {
        DatabaseOptions options;
        try
        {
            options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"The Database settings are invalid (Database:Provider is Sqlite or Postgres): {e.InnerException?.Message ?? e.Message}");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<AuditActor>();
        builder.Services.AddHealthChecks().AddDbContextCheck<RisDbContext>("database", tags: ["ready"]);

        var connectionString = builder.Configuration.GetConnectionString("OpenRis");
        if (!string.IsNullOrWhiteSpace(options.ReadOnlyConnectionString) && options.Provider != DatabaseProvider.Postgres)
        {
            throw new StartupException("Database:ReadOnlyConnectionString (a read replica) needs Database:Provider=Postgres.");
        }
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = PrepareSqlite(connectionString ?? DatabaseOptions.DefaultSqliteConnection);
                builder.Services.AddDbContext<RisDbContext, SqliteRisDbContext>(o => Configure(o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupException("Database:Provider is Postgres, but ConnectionStrings:OpenRis is not set.");
                }
                builder.Services.AddDbContext<RisDbContext, PostgresRisDbContext>(o => Configure(o.UseNpgsql(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))));
                break;
        }
        return builder;
    }

    private static void Configure(DbContextOptionsBuilder options) =>
        // Every OParl type has the soft-delete filter, so a required link to a filtered parent is intended.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    /// <summary>Makes sure the folder of a SQLite file exists, so the zero-configuration start just works.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder parsed;
        try
        {
            parsed = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"ConnectionStrings:OpenRis is not a valid SQLite connection string: {e.Message}");
        }
        var file = parsed.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && parsed.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new StartupException($"OpenRIS cannot create the folder of the SQLite database {folder}: {e.Message}");
                }
            }
        }
        return parsed.ToString();
    }
}
