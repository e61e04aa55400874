using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

using OpenRis.Web.OParl;

namespace OpenRis.Web.Data.Postgres;

/// <summary>The production database.</summary>
public sealed class PostgresRisDbContext(DbContextOptions<PostgresRisDbContext> options, TimeProvider clock, AuditActor actor, OParlProjection? projection)
    : RisDbContext(options, clock, actor, projection);

/// <summary>For <c>dotnet ef migrations add</c> (scripts/add-migration.sh); no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRisDbContext>
{
    public PostgresRisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRisDbContext>().UseNpgsql("Host=localhost").Options, TimeProvider.System, new AuditActor(), null);
}
