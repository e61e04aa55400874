using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using OpenRis.Web.OParl;

namespace OpenRis.Web.Data.Sqlite;

/// <summary>The embedded default: one file under data/, no setup.</summary>
public sealed class SqliteRisDbContext(DbContextOptions<SqliteRisDbContext> options, TimeProvider clock, AuditActor actor, OParlProjection? projection)
    : RisDbContext(options, clock, actor, projection)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: everything is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>For <c>dotnet ef migrations add</c> (scripts/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRisDbContext>
{
    public SqliteRisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRisDbContext>().UseSqlite("Data Source=design.db").Options, TimeProvider.System, new AuditActor(), null);
}
