using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Data;

/// <summary>created/modified are kept by the data layer, and an embedded child's change bumps its parent (OParl 1.1 §2.8).</summary>
public sealed class TimestampsTests
{
    private static readonly DateTimeOffset Start = new(2018, 9, 14, 9, 30, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Add_SetsCreatedAndModifiedFromClock(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);

        var graph = await Graph.CreateAsync(db);

        await using var fresh = database.NewContext();
        var paper = await fresh.Papers.SingleAsync(p => p.Id == graph.Paper.Id, Token);
        Assert.Equal(Start.UtcDateTime, paper.Created);
        Assert.Equal(Start.UtcDateTime, paper.Modified);
        Assert.Equal(DateTimeKind.Utc, paper.Modified.Kind);
        Assert.Equal(1, paper.Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Change_BumpsModifiedKeepsCreated(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var db = await database.MigratedContextAsync(clock);
        var graph = await Graph.CreateAsync(db);

        clock.Advance(TimeSpan.FromHours(2));
        graph.Paper.Name = "Anfrage, geändert";
        await db.SaveChangesAsync(Token);

        await using var fresh = database.NewContext();
        var paper = await fresh.Papers.SingleAsync(p => p.Id == graph.Paper.Id, Token);
        Assert.Equal(Start.UtcDateTime, paper.Created);
        Assert.Equal(Start.UtcDateTime.AddHours(2), paper.Modified);
        Assert.Equal(2, paper.Revision);
        // Untouched rows keep their time.
        Assert.Equal(Start.UtcDateTime, (await fresh.Meetings.SingleAsync(Token)).Modified);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ChangeOfEmbeddedChild_BumpsParent(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using (var setup = await database.MigratedContextAsync(clock))
        {
            await Graph.CreateAsync(setup);
        }

        // Agenda item embedded in its meeting.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = database.NewContext(clock))
        {
            (await db.AgendaItems.SingleAsync(Token)).Result = "beantwortet";
            await db.SaveChangesAsync(Token);
        }
        await using (var check = database.NewContext())
        {
            Assert.Equal(Start.UtcDateTime.AddMinutes(1), (await check.Meetings.SingleAsync(Token)).Modified);
            Assert.Equal(Start.UtcDateTime, (await check.Papers.SingleAsync(Token)).Modified);
        }

        // Consultation embedded in its paper.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = database.NewContext(clock))
        {
            (await db.Consultations.SingleAsync(Token)).Role = "Kenntnisnahme";
            await db.SaveChangesAsync(Token);
        }
        await using (var check = database.NewContext())
        {
            Assert.Equal(Start.UtcDateTime.AddMinutes(2), (await check.Papers.SingleAsync(Token)).Modified);
            // A bump is not an edit: the parent's revision stays, so its editor gets no false conflict.
            Assert.Equal(1, (await check.Papers.SingleAsync(Token)).Revision);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FileOfAgendaItem_BumpsItemAndMeeting(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using (var setup = await database.MigratedContextAsync(clock))
        {
            await Graph.CreateAsync(setup);
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var db = database.NewContext(clock))
        {
            var item = await db.AgendaItems.SingleAsync(Token);
            db.Files.Add(new DocumentFile { BodyId = item.BodyId, AgendaItemId = item.Id, Role = FileRole.Resolution, Name = "Beschluss", FileName = "beschluss.pdf", Sha512Checksum = new string('a', 128) });
            await db.SaveChangesAsync(Token);
        }

        await using var check = database.NewContext();
        Assert.Equal(Start.UtcDateTime.AddMinutes(5), (await check.AgendaItems.SingleAsync(Token)).Modified);
        Assert.Equal(Start.UtcDateTime.AddMinutes(5), (await check.Meetings.SingleAsync(Token)).Modified);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PartsOfPaperAndLinks_BumpPaper(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using (var setup = await database.MigratedContextAsync(clock))
        {
            await Graph.CreateAsync(setup);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = database.NewContext(clock))
        {
            var paper = await db.Papers.SingleAsync(Token);
            db.Questions.Add(new Question { PaperId = paper.Id, Number = 1, Text = "Wie weit ist die Strategie?" });
            await db.SaveChangesAsync(Token);
        }
        await using (var check = database.NewContext())
        {
            Assert.Equal(Start.UtcDateTime.AddMinutes(1), (await check.Papers.SingleAsync(Token)).Modified);
        }

        // A many-to-many link (originator person) is part of the paper too.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = database.NewContext(clock))
        {
            var paper = await db.Papers.Include(p => p.OriginatorPersons).SingleAsync(Token);
            paper.OriginatorPersons.Add(await db.Persons.SingleAsync(Token));
            await db.SaveChangesAsync(Token);
        }
        await using (var check = database.NewContext())
        {
            Assert.Equal(Start.UtcDateTime.AddMinutes(2), (await check.Papers.SingleAsync(Token)).Modified);
        }

        // A location embedded in the body it is the seat of.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = database.NewContext(clock))
        {
            var body = await db.Bodies.SingleAsync(Token);
            var seat = new Location { BodyId = body.Id, Description = "Rathaus" };
            db.Locations.Add(seat);
            await db.SaveChangesAsync(Token);
            body.LocationId = seat.Id;
            await db.SaveChangesAsync(Token);
            clock.Advance(TimeSpan.FromMinutes(1));
            seat.Room = "Ratssaal";
            await db.SaveChangesAsync(Token);
        }
        await using (var check = database.NewContext())
        {
            Assert.Equal(Start.UtcDateTime.AddMinutes(4), (await check.Bodies.SingleAsync(Token)).Modified);
        }
    }
}
