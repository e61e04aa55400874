using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Hosting;

public static partial class DatabaseStartup
{
    /// <summary>Migrates (unless switched off) and seeds the demo into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OpenRis.Startup");
        var clock = Stopwatch.StartNew();
        void Step(string step)
        {
            // Where a slow start goes, on a large database: one line per step.
            logger.LogInformation("Start: {Step} after {Seconds:0.00} s", step, clock.Elapsed.TotalSeconds);
        }
        await RunAgainstDatabaseAsync(options, async () =>
        {
            // Asking first reads only the history table; MigrateAsync does more (its lock, its
            // checks) even when nothing is pending.
            if (options.MigrateOnStart && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
                Step("migrations");
            }
            // The stored OParl JSON follows the code and the base URL it was rendered for.
            await scope.ServiceProvider.GetRequiredService<OParlProjection>()
                .EnsureCurrentAsync(db, db.Clock.GetUtcNow().UtcDateTime, Console.Out, cancellationToken);
            Step("OParl documents");
            if (db.Database.IsSqlite())
            {
                // WAL lets the OParl readers' snapshots and the writers go on side by side (EF Core
                // creates new files in WAL already; this covers files made otherwise). Without statistics
                // SQLite walks every consultation to page one organization's few (Organization.consultation);
                // sampled statistics take a fraction of a second.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
                Step("SQLite statistics");
            }
            if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
            {
                if (!await db.Bodies.IgnoreQueryFilters().AnyAsync(cancellationToken))
                {
                    await DemoMunicipality.SeedAsync(db, scope.ServiceProvider.GetRequiredService<FileStore>(), cancellationToken);
                }
                if (!await db.Users.AnyAsync(cancellationToken))
                {
                    await DemoAccounts.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<RisUser>>(), cancellationToken);
                }
            }
        });
    }

    /// <summary>Turns the ways a database can be unreachable or misconfigured into one clear message.</summary>
    public static async Task RunAgainstDatabaseAsync(DatabaseOptions options, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is DbException or DbUpdateException or ArgumentException or InvalidOperationException or TimeoutException
            && e is not StartupException)
        {
            var what = options.Provider == DatabaseProvider.Postgres ? "the PostgreSQL database" : "the SQLite database";
            throw new StartupException($"OpenRIS cannot use {what} (ConnectionStrings:OpenRis): {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner && e is not DbException ? Innermost(inner) : e;
}
