using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Data;

public sealed class AuditTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Save_RecordsWhoWhenAndWhatChanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 9, 14, 9, 0, 0, TimeSpan.Zero));
        await using (var setup = await database.MigratedContextAsync(clock))
        {
            await Graph.CreateAsync(setup);
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.NewContext(clock, actor: "ratsbuero.meier"))
        {
            var paper = await db.Papers.SingleAsync(Token);
            paper.Reference = "0930/2018";
            paper.Name = "Anfrage der Fraktion Hagen Aktiv";
            db.Papers.Remove(paper);
            await db.SaveChangesAsync(Token);
        }

        await using var check = database.NewContext();
        var paperId = await check.Papers.IgnoreQueryFilters().Select(p => p.Id).SingleAsync(Token);
        var added = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Paper) && a.Action == AuditAction.Added, Token);
        Assert.Equal(paperId, added.EntityId);
        Assert.Equal("test", added.Actor);
        Assert.Contains("0001/2018", added.Changes, StringComparison.Ordinal);

        var deleted = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Paper) && a.Action == AuditAction.Deleted, Token);
        Assert.Equal("ratsbuero.meier", deleted.Actor);
        Assert.Equal(new DateTime(2018, 9, 14, 10, 0, 0, DateTimeKind.Utc), deleted.At);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(deleted.Changes!)!;
        Assert.Equal(["0001/2018", "0930/2018"], changes["Reference"].Select(e => e.GetString()));
        Assert.True(changes["Deleted"][1].GetBoolean());
        Assert.False(changes.ContainsKey("Modified"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Save_WithAuditOff_WritesNoAuditButStillStamps(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.AuditEnabled = false;

        var graph = await Graph.CreateAsync(db);

        Assert.Equal(0, await db.AuditEntries.CountAsync(Token));
        Assert.NotEqual(default, graph.Paper.Created);
    }
}
