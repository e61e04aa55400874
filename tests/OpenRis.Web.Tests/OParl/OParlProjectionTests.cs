using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;
using OpenRis.Web.Tests.Data;

namespace OpenRis.Web.Tests.OParl;

/// <summary>The stored OParl JSON follows every save, and its modified moves whenever what is served changes.</summary>
public sealed class OParlProjectionTests
{
    private static readonly DateTimeOffset Start = new(2018, 9, 14, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<JsonElement?> DocumentAsync(RisDbContext db, string type, long id)
    {
        var document = await db.OParlDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Type == type && d.ObjectId == id, Token);
        return document is null ? null : JsonDocument.Parse(document.Json).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Save_RendersTheObjectAndItsParent(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);

        var paper = await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id);
        Assert.NotNull(paper);
        Assert.Equal($"http://localhost/oparl/v1.1/paper/{graph.Paper.Id}", paper.Value.GetProperty("id").GetString());
        Assert.Equal("2018-09-14T11:00:00+02:00", paper.Value.GetProperty("modified").GetString());
        Assert.Equal("Beantwortung", paper.Value.GetProperty("consultation")[0].GetProperty("role").GetString());

        clock.Advance(TimeSpan.FromHours(1));
        graph.Consultation.Role = "Kenntnisnahme";
        await db.SaveChangesAsync(Token);

        paper = await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id);
        Assert.Equal("Kenntnisnahme", paper!.Value.GetProperty("consultation")[0].GetProperty("role").GetString());
        Assert.Equal("2018-09-14T12:00:00+02:00", paper.Value.GetProperty("modified").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NeighbourChange_MovesModifiedOfWhatItShows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);

        // A new statement names the inquiry as its superordinated paper; the inquiry lists it as subordinated.
        clock.Advance(TimeSpan.FromDays(1));
        var statement = new Paper { BodyId = graph.Body.Id, PaperKindId = graph.Paper.PaperKindId, Name = "Stellungnahme", ParentPaperId = graph.Paper.Id, Status = PaperStatus.Published };
        db.Papers.Add(statement);
        await db.SaveChangesAsync(Token);

        var inquiry = await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id);
        Assert.Equal($"http://localhost/oparl/v1.1/paper/{statement.Id}", inquiry!.Value.GetProperty("subordinatedPaper")[0].GetString());
        Assert.Equal("2018-09-15T11:00:00+02:00", inquiry.Value.GetProperty("modified").GetString());
        var row = await db.OParlDocuments.AsNoTracking().SingleAsync(d => d.Type == OParlTypes.Paper && d.ObjectId == graph.Paper.Id, Token);
        Assert.Equal(Start.UtcDateTime.AddDays(1), row.Modified);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PaperMadePublic_ItsChildrenAppearWithCurrentModified(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);
        graph.Paper.Public = false;
        await db.SaveChangesAsync(Token);
        // It was public a moment ago: now a tombstone, and so is its consultation.
        Assert.True((await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id))!.Value.GetProperty("deleted").GetBoolean());
        Assert.True((await DocumentAsync(db, OParlTypes.Consultation, graph.Consultation.Id))!.Value.GetProperty("deleted").GetBoolean());

        clock.Advance(TimeSpan.FromDays(30));
        graph.Paper.Public = true;
        await db.SaveChangesAsync(Token);

        // The consultation itself was not saved, yet a modified_since crawler must see it now.
        var consultation = await DocumentAsync(db, OParlTypes.Consultation, graph.Consultation.Id);
        Assert.False(consultation!.Value.TryGetProperty("deleted", out _));
        Assert.Equal("Beantwortung", consultation.Value.GetProperty("role").GetString());
        Assert.Equal("2018-10-14T11:00:00+02:00", consultation.Value.GetProperty("modified").GetString());
        Assert.Equal($"http://localhost/oparl/v1.1/consultation/{graph.Consultation.Id}",
            (await DocumentAsync(db, OParlTypes.AgendaItem, graph.Item.Id))!.Value.GetProperty("consultation").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PublicPaperMadeNonPublic_BecomesTombstone_NeverPublicOnesLeaveNoTrace(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);
        var draft = new Paper { BodyId = graph.Body.Id, PaperKindId = graph.Paper.PaperKindId, Name = "Entwurf", Status = PaperStatus.Draft };
        db.Papers.Add(draft);
        await db.SaveChangesAsync(Token);

        clock.Advance(TimeSpan.FromHours(1));
        graph.Paper.Public = false;
        await db.SaveChangesAsync(Token);

        var tombstone = await db.OParlDocuments.AsNoTracking().SingleAsync(d => d.Type == OParlTypes.Paper && d.ObjectId == graph.Paper.Id, Token);
        Assert.True(tombstone.Deleted);
        var json = JsonDocument.Parse(tombstone.Json).RootElement;
        Assert.True(json.GetProperty("deleted").GetBoolean());
        Assert.False(json.TryGetProperty("name", out _));
        Assert.Equal(Start.UtcDateTime.AddHours(1), tombstone.Modified);
        // The draft never was public: not even a tombstone tells of it.
        Assert.False(await db.OParlDocuments.AnyAsync(d => d.Type == OParlTypes.Paper && d.ObjectId == draft.Id, Token));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EnsureCurrent_RebuildsForANewBaseUrl(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);
        Assert.True(await TestDatabase.Projection.EnsureCurrentAsync(db, clock.GetUtcNow().UtcDateTime, null, Token));
        Assert.False(await TestDatabase.Projection.EnsureCurrentAsync(db, clock.GetUtcNow().UtcDateTime, null, Token));

        var moved = new OParlProjection(new OParlOptions { BaseUrl = "https://ris.hagen.de" });
        Assert.True(await moved.EnsureCurrentAsync(db, clock.GetUtcNow().UtcDateTime, null, Token));

        var paper = await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id);
        Assert.Equal($"https://ris.hagen.de/oparl/v1.1/paper/{graph.Paper.Id}", paper!.Value.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RebuildCutOffHalfWay_IsDoneAgainEvenUnderTheOldBaseUrl(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);
        await TestDatabase.Projection.EnsureCurrentAsync(db, clock.GetUtcNow().UtcDateTime, null, Token);

        // A move to another host is stopped after the first type's batches (the process killed).
        var moved = new OParlProjection(new OParlOptions { BaseUrl = "https://ris.hagen.de" });
        using var cut = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            moved.RebuildAsync(db, clock.GetUtcNow().UtcDateTime, new CancelOnFirstLine(cut), cut.Token));
        db.ChangeTracker.Clear();

        // Started again with the old base URL, the half-moved documents must not stay.
        Assert.True(await TestDatabase.Projection.EnsureCurrentAsync(db, clock.GetUtcNow().UtcDateTime, null, Token));
        var hosts = await db.OParlDocuments.AsNoTracking().Select(d => d.Json).ToListAsync(Token);
        Assert.NotEmpty(hosts);
        Assert.DoesNotContain(hosts, json => System.Text.Encoding.UTF8.GetString(json).Contains("ris.hagen.de", StringComparison.Ordinal));
        var paper = await DocumentAsync(db, OParlTypes.Paper, graph.Paper.Id);
        Assert.StartsWith(TestDatabase.Projection.Options.BaseUrl, paper!.Value.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Cancels the rebuild when it reports its first finished type.</summary>
    private sealed class CancelOnFirstLine(CancellationTokenSource cut) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value) => cut.Cancel();
    }
}
