using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Data;

namespace OpenRis.Web.Tests.Data;

/// <summary>OParl objects never disappear: a removal leaves a tombstone with id, type and created (OParl 1.1 §2.8).</summary>
public sealed class SoftDeleteTests
{
    private static readonly DateTimeOffset Start = new(2018, 9, 14, 9, 30, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Remove_LeavesTombstoneHiddenFromQueries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using (var setup = await database.MigratedContextAsync(clock))
        {
            await Graph.CreateAsync(setup);
        }

        clock.Advance(TimeSpan.FromDays(1));
        await using (var db = database.NewContext(clock))
        {
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(Token));
            await db.SaveChangesAsync(Token);
        }

        await using var check = database.NewContext();
        Assert.Empty(await check.AgendaItems.ToListAsync(Token));
        var tombstone = await check.AgendaItems.IgnoreQueryFilters([RisDbContext.SoftDeleteFilter]).SingleAsync(Token);
        Assert.True(tombstone.Deleted);
        Assert.Equal(Start.UtcDateTime, tombstone.Created);
        Assert.Equal(Start.UtcDateTime.AddDays(1), tombstone.Modified);
        // The deletion of an embedded object bumps its parent too.
        Assert.Equal(Start.UtcDateTime.AddDays(1), (await check.Meetings.SingleAsync(Token)).Modified);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Remove_OfPaperPart_IsPhysical(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var graph = await Graph.CreateAsync(db);
        db.Questions.Add(new OpenRis.Web.Model.Question { Paper = graph.Paper, Number = 1, Text = "Frage" });
        await db.SaveChangesAsync(Token);

        db.Questions.Remove(await db.Questions.SingleAsync(Token));
        await db.SaveChangesAsync(Token);

        // Questions are versioned with their paper, not OParl objects of their own.
        await using var check = database.NewContext();
        Assert.Equal(0, await check.Questions.CountAsync(Token));
    }
}
