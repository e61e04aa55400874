using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>Drucksachennummern stay unique and gapless when the council office registers many papers at once.</summary>
public sealed class NumberingTests
{
    private const int Papers = 200;
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly Actor CouncilOffice = new("Ratsbüro", RisRole.CouncilOffice, null);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_200InParallel_GivesConsecutiveDistinctNumbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 9, 14, 10, 0, 0, TimeSpan.Zero));
        List<long> ids;
        long officeId;
        await using (var db = await database.MigratedContextAsync(clock))
        {
            var body = new Body { Name = "Stadt Hagen" };
            var kind = new PaperKind { Key = "inquiry", Name = "Anfrage", NumberSequence = "default", HasQuestions = true };
            var office = new Organization { Body = body, Name = "Amt 11", OrganizationType = Organization.TypeAdministration };
            db.AddRange(body, kind, office, new NumberSequence { Key = "default", Pattern = "{number:0000}/{year}" });
            db.NumberCounters.Add(new NumberCounter { SequenceKey = "default", Period = 2018, Last = 929 });
            var papers = Enumerable.Range(0, Papers).Select(i => new Paper { Body = body, Kind = kind, Name = $"Anfrage {i}", Status = PaperStatus.Submitted }).ToList();
            db.Papers.AddRange(papers);
            await db.SaveChangesAsync(Token);
            ids = papers.Select(p => p.Id).ToList();
            officeId = office.Id;
        }

        // Each registration is its own connection and transaction, as concurrent requests would be.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Token }, async (id, cancellationToken) =>
        {
            await using var db = database.NewContext(clock);
            var paper = await db.Papers.Include(p => p.Kind).Include(p => p.Offices).SingleAsync(p => p.Id == id, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reference = await PaperNumbering.NextAsync(db, paper.Kind.NumberSequence, clock.GetUtcNow().UtcDateTime, cancellationToken);
            paper.Register(reference, officeId, null, [], null, clock.GetUtcNow().UtcDateTime, CouncilOffice);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        await using var check = database.NewContext();
        var references = await check.Papers.Select(p => p.Reference!).ToListAsync(Token);
        var numbers = references.Select(r => int.Parse(r[..4], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(930, Papers), numbers);
        Assert.All(references, r => Assert.EndsWith("/2018", r, StringComparison.Ordinal));
        Assert.Equal(929 + Papers, (await check.NumberCounters.SingleAsync(Token)).Last);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_RolledBack_GivesTheNumberBack(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.NumberSequences.Add(new NumberSequence { Key = "koeln", Pattern = "AN/{number}/{year}", ResetsYearly = false });
        await db.SaveChangesAsync(Token);
        var now = new DateTime(2010, 5, 1, 10, 0, 0, DateTimeKind.Utc);

        await using (var rolledBack = await db.Database.BeginTransactionAsync(Token))
        {
            Assert.Equal("AN/1/2010", await PaperNumbering.NextAsync(db, "koeln", now, Token));
            await rolledBack.RollbackAsync(Token);
        }
        await using var kept = await db.Database.BeginTransactionAsync(Token);
        Assert.Equal("AN/1/2010", await PaperNumbering.NextAsync(db, "koeln", now, Token));
        Assert.Equal("AN/2/2011", await PaperNumbering.NextAsync(db, "koeln", now.AddYears(1), Token));
    }
}
