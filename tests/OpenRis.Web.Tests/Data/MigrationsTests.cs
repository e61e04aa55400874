using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenRis.Web.Data.Postgres;
using OpenRis.Web.Data.Sqlite;

namespace OpenRis.Web.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = ((IDesignTimeDbContextFactory<SqliteRisDbContext>)new SqliteDesignTimeFactory()).CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Postgres_HasNoPendingModelChanges()
    {
        using var db = ((IDesignTimeDbContextFactory<PostgresRisDbContext>)new PostgresDesignTimeFactory()).CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = ((IDesignTimeDbContextFactory<SqliteRisDbContext>)new SqliteDesignTimeFactory()).CreateDbContext([]);
        using var postgres = ((IDesignTimeDbContextFactory<PostgresRisDbContext>)new PostgresDesignTimeFactory()).CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Migrate_AppliesEveryMigration(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
