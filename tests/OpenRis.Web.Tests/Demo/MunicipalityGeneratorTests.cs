using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Documents;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Demo;

/// <summary>
/// One municipality of 300 papers, generated beside the Hagen demo (so that every link can be
/// checked to stay inside its own body), serves most tests; determinism and PostgreSQL generate their own.
/// </summary>
public sealed partial class MunicipalityGeneratorTests(MunicipalityGeneratorTests.Generated generated) : IClassFixture<MunicipalityGeneratorTests.Generated>
{
    private const int Papers = 300;
    private const int Seed = 7;
    private static readonly string[] Roles = ["Vorberatung", "Entscheidung", "Kenntnisnahme"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public sealed class Generated : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;
        public GenerationSummary Summary { get; private set; } = null!;
        public Snapshot Data { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("sqlite");
            (Summary, Data) = await GenerateBesideDemoAsync(Database, Seed);
        }

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();
    }

    [Fact]
    public async Task Generate_BesideTheDemo_EveryLinkStaysInsideTheGeneratedBody()
    {
        await using var db = generated.Database.NewContext();
        await AssertConsistentAsync(db, generated.Summary, generated.Data);
    }

    [Fact]
    public async Task Generate_OnPostgres_EveryLinkStaysInsideTheGeneratedBody()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        var (summary, data) = await GenerateBesideDemoAsync(database, Seed);
        await using var db = database.NewContext();
        await AssertConsistentAsync(db, summary, data);
        Assert.Equal(Fingerprint(generated.Data), Fingerprint(data));
    }

    private static async Task AssertConsistentAsync(RisDbContext db, GenerationSummary summary, Snapshot data)
    {
        // Its own body next to the demo, which it left alone.
        Assert.Equal(2, await db.Bodies.CountAsync(Token));
        Assert.Equal(GeneratorOptions.DefaultName, data.Body.Name);
        Assert.Matches("^[0-9]{8}$", data.Body.Ags);
        Assert.NotEqual("05914000", data.Body.Ags);
        Assert.NotNull(data.Body.LocationId);
        Assert.Contains(data.Locations, l => l.Id == data.Body.LocationId);
        Assert.Equal(DemoMunicipality.DefaultPaperKinds().Count, await db.PaperKinds.CountAsync(Token));

        // The summary counts what is in the database.
        Assert.Equal(
            (Papers, summary.Meetings, summary.AgendaItems, summary.Consultations, summary.Files, summary.Persons, summary.Organizations, summary.Memberships, summary.LegislativeTerms, summary.Questions, summary.PaperReferences, summary.Locations),
            (data.Papers.Count, data.Meetings.Count, data.Items.Count, data.Consultations.Count, data.Files.Count, data.Persons.Count, data.Organizations.Count, data.Memberships.Count, data.Terms.Count, data.Questions.Count, data.References.Count, data.Locations.Count));

        var organizations = data.Organizations.Select(o => o.Id).ToHashSet();
        var persons = data.Persons.Select(p => p.Id).ToHashSet();
        var locations = data.Locations.Select(l => l.Id).ToHashSet();
        var meetings = data.Meetings.ToDictionary(m => m.Id);
        var items = data.Items.ToDictionary(i => i.Id);
        var papers = data.Papers.ToDictionary(p => p.Id);
        var kinds = await db.PaperKinds.ToDictionaryAsync(k => k.Id, Token);

        Assert.All(data.Organizations, o => Assert.True(o.SubOrganizationOfId is null || organizations.Contains(o.SubOrganizationOfId.Value)));
        Assert.All(data.Memberships, m =>
        {
            Assert.Contains(m.PersonId, persons);
            Assert.Contains(m.OrganizationId, organizations);
            Assert.True(m.OnBehalfOfId is null || organizations.Contains(m.OnBehalfOfId.Value));
            Assert.True(m.EndDate is null || m.StartDate <= m.EndDate);
        });

        Assert.All(data.Meetings, m =>
        {
            Assert.Contains(m.LocationId!.Value, locations);
            Assert.Contains(Assert.Single(m.Organizations).OrganizationId, organizations);
            Assert.NotNull(m.Start);
            Assert.All(m.Participants, p => Assert.Contains(p.Id, persons));
        });
        foreach (var agenda in data.Items.GroupBy(i => i.MeetingId))
        {
            Assert.True(meetings.ContainsKey(agenda.Key));
            Assert.InRange(agenda.Count(), 5, 15);
            Assert.Equal(Enumerable.Range(0, agenda.Count()), agenda.Select(i => i.Order).Order());
            Assert.Equal(agenda.Count(), agenda.Select(i => i.Number).Distinct().Count());
            Assert.All(agenda, i => Assert.Matches(@"^(?:(?:I|II)\.)?[0-9]+(?:\.[0-9]+)?$", i.Number));
        }
        Assert.Equal(data.Meetings.Count, data.Items.Select(i => i.MeetingId).Distinct().Count());

        Assert.All(data.Consultations, c =>
        {
            var paper = papers[c.PaperId];
            Assert.Equal((c.MeetingId is null), (c.AgendaItemId is null));
            var organization = Assert.Single(c.Organizations).Id;
            Assert.Contains(organization, organizations);
            Assert.Contains(c.Role, Roles);
            Assert.Equal(c.Role == "Entscheidung", c.Authoritative);
            if (c.AgendaItemId is { } itemId)
            {
                var item = items[itemId];
                Assert.Equal(c.MeetingId, item.MeetingId);
                Assert.Equal(organization, meetings[item.MeetingId].Organizations.Single().OrganizationId);
                Assert.Equal((paper.Public, paper.Name), (item.Public, item.Name));
                Assert.True(meetings[item.MeetingId].Start >= paper.Date!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            }
        });
        Assert.Equal(data.Consultations.Count(c => c.AgendaItemId is not null), data.Consultations.Select(c => c.AgendaItemId).OfType<long>().Distinct().Count());
        foreach (var beratungsfolge in data.Consultations.Where(c => c.MeetingId is not null).GroupBy(c => c.PaperId))
        {
            var starts = beratungsfolge.OrderBy(c => c.Id).Select(c => meetings[c.MeetingId!.Value].Start!.Value).ToList();
            Assert.Equal(starts.Order(), starts);
        }

        Assert.All(data.Papers, p =>
        {
            Assert.Contains(p.PaperKindId, kinds.Keys);
            Assert.Contains(p.OwnerOrganizationId!.Value, organizations);
            Assert.All(p.OriginatorOrganizations, o => Assert.Contains(o.Id, organizations));
            Assert.All(p.OriginatorPersons, o => Assert.Contains(o.Id, persons));
            Assert.All(p.Offices, o => Assert.Contains(o.OrganizationId, organizations));
            Assert.All(p.Signatures, s => Assert.Contains(s.PersonId!.Value, persons));
            Assert.False(string.IsNullOrWhiteSpace(p.Name));
            if (p.ParentPaperId is { } parent)
            {
                Assert.Equal(PaperKindKeys.Statement, kinds[p.PaperKindId].Key);
                Assert.Equal(PaperKindKeys.Inquiry, kinds[papers[parent].PaperKindId].Key);
                Assert.Null(p.Reference);
            }
        });

        Assert.All(data.Questions, q =>
        {
            Assert.Equal(PaperKindKeys.Inquiry, kinds[papers[q.PaperId].PaperKindId].Key);
            Assert.True(q.AnswerPaperId is null || papers[q.AnswerPaperId.Value].ParentPaperId == q.PaperId);
        });
        foreach (var inquiry in data.Questions.GroupBy(q => q.PaperId))
        {
            Assert.Equal(Enumerable.Range(1, inquiry.Count()), inquiry.Select(q => q.Number).Order());
        }

        Assert.All(data.References, r =>
        {
            Assert.NotEqual(r.FromPaperId, r.ToPaperId);
            var cited = papers[r.ToPaperId];
            if (r.Kind == PaperReferenceKind.Cites)
            {
                Assert.Equal(cited.Reference, Assert.Single(PaperNumbers.Find(r.CitedAs!)).Reference);
                Assert.Contains(PaperNumbers.Find(papers[r.FromPaperId].Reasoning!), m => m.Reference == cited.Reference);
            }
        });

        Assert.All(data.Files, f =>
        {
            var owners = new[] { f.PaperId, f.MeetingId, f.AgendaItemId }.OfType<long>().ToList();
            var owner = Assert.Single(owners);
            Assert.True(f.PaperId is null ? meetings.ContainsKey(owner) : papers.ContainsKey(owner));
        });
        Assert.All(data.Papers, p => Assert.Single(data.Files, f => f.PaperId == p.Id && f.Role == FileRole.Main));
    }

    [Fact]
    public void Generate_References_AreUniqueAndConsecutivePerYearInDateOrder()
    {
        var (summary, data) = (generated.Summary, generated.Data);

        var numbered = data.Papers.Where(p => p.Reference is not null).ToList();
        Assert.All(numbered, p => Assert.Matches(ReferenceShape(), p.Reference!));
        Assert.Equal(numbered.Count, numbered.Select(p => p.Reference).Distinct().Count());
        foreach (var year in numbered.GroupBy(p => int.Parse(p.Reference![5..], System.Globalization.CultureInfo.InvariantCulture)))
        {
            var inOrder = year.OrderBy(p => p.Reference, StringComparer.Ordinal).ToList();
            Assert.All(inOrder, p => Assert.Equal(year.Key, p.Date!.Value.Year));
            Assert.Equal(Enumerable.Range(1, inOrder.Count), inOrder.Select(p => int.Parse(p.Reference![..4], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(inOrder.Select(p => p.Date).Order(), inOrder.Select(p => p.Date));
        }
        // Without a number: drafts, and the administration's answers, printed with their inquiry's number.
        Assert.All(data.Papers.Where(p => p.Reference is null), p => Assert.True(p.Status == PaperStatus.Draft || p.ParentPaperId is not null));
        Assert.True(summary.Papers > numbered.Count);
    }

    [Fact]
    public async Task Generate_Proportions_LookLikeAMunicipality()
    {
        var (summary, data) = (generated.Summary, generated.Data);
        await using var db = generated.Database.NewContext();
        var kinds = await db.PaperKinds.ToDictionaryAsync(k => k.Id, k => k.Key, Token);

        Assert.Equal(2, data.Terms.Count);
        Assert.Single(data.Organizations, o => o.Classification == "Parlament");
        Assert.InRange(data.Organizations.Count(o => o.OrganizationType == Organization.TypeCommittee), 7, 30);
        Assert.InRange(data.Organizations.Count(o => o.IsFaction), 4, 9);
        Assert.InRange(data.Organizations.Count(o => o.IsOffice), 6, 40);
        Assert.InRange(data.Persons.Count, 40, 200);
        Assert.True(data.Memberships.Count > 2 * data.Persons.Count);
        // Memberships over time: some people sit in both terms, some memberships have ended.
        Assert.Contains(data.Memberships.GroupBy(m => m.PersonId), g => g.Select(m => m.StartDate).Distinct().Count() > 1);
        Assert.Contains(data.Memberships, m => m.EndDate < new DateOnly(2026, 6, 30));

        Assert.InRange(data.Meetings.Count, Papers / 12, Papers / 5);
        Assert.InRange((double)data.Items.Count / data.Meetings.Count, 7, 14);
        Assert.Contains(data.Items, i => i.Number!.StartsWith("I.", StringComparison.Ordinal) && i.Number.Count(c => c == '.') == 2);
        Assert.Contains(data.Items, i => !i.Public);
        Assert.Contains(data.Meetings, m => m.MeetingState == MeetingState.Held && m.Files.Count == 2);
        Assert.Contains(data.Meetings, m => m.MeetingState != MeetingState.Held);

        var consulted = data.Consultations.GroupBy(c => c.PaperId).ToList();
        Assert.All(consulted, g => Assert.InRange(g.Count(), 1, 3));
        Assert.InRange(consulted.Count, Papers * 7 / 10, Papers);
        Assert.InRange(data.Consultations.Count(c => c.AgendaItemId is not null), data.Consultations.Count * 8 / 10, data.Consultations.Count);
        Assert.Equal(["Entscheidung", "Kenntnisnahme", "Vorberatung"], data.Consultations.Select(c => c.Role!).Distinct().Order());

        var paperFiles = data.Files.Count(f => f.PaperId is not null);
        Assert.InRange((double)paperFiles / Papers, 2.5, 3.5);
        Assert.InRange(data.Papers.Count(p => !p.Public), Papers / 100, Papers * 12 / 100);
        Assert.Contains(data.Papers, p => p.Status == PaperStatus.Draft);
        Assert.InRange(data.Papers.Select(p => kinds[p.PaperKindId]).Distinct().Count(), 6, 8);
        var inquiries = data.Papers.Where(p => kinds[p.PaperKindId] == PaperKindKeys.Inquiry).Select(p => p.Id).ToList();
        Assert.All(inquiries, id => Assert.InRange(data.Questions.Count(q => q.PaperId == id), 1, 4));
        Assert.Contains(data.Questions, q => q.AnswerPaperId is not null);
        Assert.Contains(data.References, r => r.Kind == PaperReferenceKind.Cites);
        Assert.Equal(summary.Persons, data.Persons.Count);
    }

    [Fact]
    public async Task Generate_SameSeed_SameMunicipality_OtherSeed_Another()
    {
        await using var again = await TestDatabase.CreateAsync("sqlite");
        await using var other = await TestDatabase.CreateAsync("sqlite");

        var first = Fingerprint(generated.Data);
        var second = Fingerprint((await GenerateBesideDemoAsync(again, Seed)).Data);
        var third = Fingerprint((await GenerateBesideDemoAsync(other, Seed + 1)).Data);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Take(Papers), third.Take(Papers));
    }

    [Fact]
    public async Task Generate_FileContents_AreInTheStoreUnderTheirChecksum()
    {
        var data = generated.Data;
        var store = new FileStore(new FileStoreOptions { Root = generated.Database.FilesRoot });

        Assert.NotEmpty(data.Files);
        foreach (var file in data.Files.DistinctBy(f => f.Sha512Checksum))
        {
            Assert.True(store.Exists(file.Sha512Checksum), file.FileName);
            await using var stream = store.OpenRead(file.Sha512Checksum);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, Token);
            Assert.Equal(file.Sha512Checksum, Convert.ToHexStringLower(SHA512.HashData(bytes.ToArray())));
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(file.Text, Encoding.UTF8.GetString(bytes.ToArray()));
            Assert.Equal("text/plain", file.MimeType);
        }
    }

    [Theory]
    [InlineData("--papers", "viele", "--papers")]
    [InlineData("--papers", "0", "--papers")]
    [InlineData("--seed", "x", "--seed")]
    [InlineData("--name", "", "--name")]
    [InlineData("--farbe", "blau", "unbekannte Angabe")]
    public async Task Command_BadArguments_ExitTwoWithGermanMessage(string option, string value, string message)
    {
        using var output = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();

        var exit = await GenerateCommand.RunAsync(services, ["generate", option, value], output);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Aufruf: openris generate", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_MissingTextFolder_ExitTwoWithGermanMessage()
    {
        using var output = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var missing = Path.Combine(Path.GetTempPath(), $"openris-keine-texte-{Guid.NewGuid():N}");

        var exit = await GenerateCommand.RunAsync(services, ["generate", "--texts", missing], output);

        Assert.Equal(2, exit);
        Assert.Contains("existiert nicht", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_Arguments_LeaveHostSettingsToTheHost()
    {
        var parsed = GenerateCommand.Parse(["generate", "--papers=250", "--seed", "-4", "--ConnectionStrings:OpenRis", "Data Source=x.db", "--Demo:Seed=false", "--name", "Gemeinde Test"]);

        Assert.Null(parsed.Error);
        Assert.Equal((250, -4, "Gemeinde Test"), (parsed.Papers, parsed.Seed, parsed.Name));
    }

    [Fact]
    public void Texts_TitlesComeFromTheTextNotFromItsLetterhead()
    {
        var folder = Directory.CreateTempSubdirectory("openris-texte-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "a"));
            File.WriteAllText(Path.Combine(folder.FullName, "a", "1.txt"), """
                STADT MUSTERSTADT
                Der Oberbürgermeister
                ANFRAGE
                Stadträtin Erika Muster (XY)
                vom 23.06.2015
                Gremium:
                Sanierung der Sporthalle an der Lindenschule
                1. Wann beginnen die Arbeiten an der Sporthalle?
                2. Welche Kosten sind dafür eingeplant?
                """);

            var text = Assert.Single(MunicipalityGenerator.TextCorpus.Load(folder.FullName).All);

            Assert.Equal("Sanierung der Sporthalle an der Lindenschule", text.Title);
            Assert.Equal(MunicipalityGenerator.TextKind.Inquiry, text.Kind);
            Assert.Equal(["Wann beginnen die Arbeiten an der Sporthalle?", "Welche Kosten sind dafür eingeplant?"], text.Questions);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static GeneratorOptions Options(int seed) => new() { Papers = Papers, Seed = seed, TextsDirectory = TextsDirectory.Value, BatchSize = 60 };

    private static async Task<(GenerationSummary Summary, Snapshot Data)> GenerateBesideDemoAsync(TestDatabase database, int seed)
    {
        var store = new FileStore(new FileStoreOptions { Root = database.FilesRoot });
        GenerationSummary summary;
        await using (var setup = await database.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(setup, store, Token);
            summary = await MunicipalityGenerator.GenerateAsync(setup, store, Options(seed), cancellationToken: Token);
        }
        await using var db = database.NewContext();
        return (summary, await Snapshot.LoadAsync(db, summary.BodyId));
    }

    /// <summary>What a seed decides, without ids and save times.</summary>
    private static List<string> Fingerprint(Snapshot data)
    {
        var meetings = data.Meetings.ToDictionary(m => m.Id);
        var items = data.Items.ToDictionary(i => i.Id);
        return
        [
            .. data.Papers.OrderBy(p => p.Id).Select(p => $"{p.Reference}|{p.Name}|{p.Date}|{p.Status}|{p.Public}|{string.Join(",", data.Files.Where(f => f.PaperId == p.Id).OrderBy(f => f.Id).Select(f => f.Sha512Checksum[..12]))}"),
            .. data.Meetings.OrderBy(m => m.Id).Select(m => $"{m.Name}|{m.Start:O}|{m.MeetingState}|{m.Participants.Count}"),
            .. data.Items.OrderBy(i => i.Id).Select(i => $"{i.Number}|{i.Name}|{i.Public}|{i.Result}"),
            .. data.Consultations.OrderBy(c => c.Id).Select(c => $"{c.Role}|{(c.MeetingId is { } m ? meetings[m].Name : "-")}|{(c.AgendaItemId is { } i ? items[i].Number : "-")}"),
            .. data.Persons.OrderBy(p => p.Id).Select(p => p.Name),
            .. data.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Role}|{m.StartDate}|{m.EndDate}"),
            .. data.Questions.OrderBy(q => q.Id).Select(q => q.Text),
            data.Body.Ags!,
        ];
    }

    /// <summary>The real texts beside the repository when they are there; otherwise a few written for the test.</summary>
    internal static readonly Lazy<string> TextsDirectory = new(() => MunicipalityGenerator.FindTextsDirectory(AppContext.BaseDirectory) ?? WriteSampleTexts());

    private static string WriteSampleTexts()
    {
        var folder = Directory.CreateTempSubdirectory("openris-texte-").FullName;
        (string Path, string Text)[] texts =
        [
            ("vorlagen/1/Beschlussvorlage.txt", "Beschlussvorlage\nNeubau der Grundschule am Lindenplatz\nDer Rat beschließt den Neubau der Grundschule. Die Kosten betragen 12 Mio. Euro."),
            ("vorlagen/2/Mitteilungsvorlage.txt", "Mitteilungsvorlage\nSachstand zur Sanierung der Brücke an der Mühlenstraße\nDie Verwaltung berichtet über den Fortgang der Arbeiten."),
            ("vorlagen/3/anfrage.txt", "ANFRAGE\nBeleuchtung der Radwege im Stadtpark\n1. Wie viele Leuchten sind derzeit defekt?\n2. Bis wann werden die Leuchten ersetzt?\n3. Welche Kosten entstehen der Stadt dafür?"),
            ("vorlagen/4/antrag.txt", "ANTRAG\nEinrichtung eines Jugendparlaments\nDie Verwaltung wird beauftragt, eine Satzung für ein Jugendparlament vorzulegen."),
            ("vorlagen/5/stellungnahme.txt", "Stellungnahme zur Anfrage\nBeleuchtung der Radwege im Stadtpark\nDerzeit sind sieben Leuchten defekt. Sie werden bis Ende des Jahres ersetzt. Die Kosten betragen 8.000 Euro."),
            ("sitzungen/1/Niederschrift.txt", "Niederschrift\nÖffentliche Sitzung des Rates\nDer Vorsitzende eröffnet die Sitzung und stellt die Beschlussfähigkeit fest."),
            ("sitzungen/2/Bekanntmachung.txt", "Bekanntmachung\nEinladung zur Sitzung des Rates\nTagesordnung: Eröffnung, Mitteilungen, Anfragen."),
        ];
        foreach (var (path, text) in texts)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
        return folder;
    }

    [GeneratedRegex("^[0-9]{4}/[0-9]{4}$")]
    private static partial Regex ReferenceShape();

    /// <summary>Every row of one body, with the links the assertions follow.</summary>
    public sealed record Snapshot(
        Body Body, List<LegislativeTerm> Terms, List<Location> Locations, List<Organization> Organizations, List<Person> Persons,
        List<Membership> Memberships, List<Meeting> Meetings, List<AgendaItem> Items, List<Paper> Papers, List<Consultation> Consultations,
        List<DocumentFile> Files, List<Question> Questions, List<PaperReference> References)
    {
        public static async Task<Snapshot> LoadAsync(RisDbContext db, long bodyId)
        {
            var papers = await db.Papers.IgnoreQueryFilters().AsNoTracking().AsSplitQuery().Where(p => p.BodyId == bodyId)
                .Include(p => p.OriginatorOrganizations).Include(p => p.OriginatorPersons).Include(p => p.Offices).Include(p => p.Signatures)
                .OrderBy(p => p.Id).ToListAsync(Token);
            var paperIds = papers.Select(p => p.Id).ToList();
            return new Snapshot(
                await db.Bodies.IgnoreQueryFilters().AsNoTracking().SingleAsync(b => b.Id == bodyId, Token),
                await db.LegislativeTerms.IgnoreQueryFilters().AsNoTracking().Where(t => t.BodyId == bodyId).ToListAsync(Token),
                await db.Locations.IgnoreQueryFilters().AsNoTracking().Where(l => l.BodyId == bodyId).ToListAsync(Token),
                await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.BodyId == bodyId).ToListAsync(Token),
                await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.BodyId == bodyId).OrderBy(p => p.Id).ToListAsync(Token),
                await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.Id).ToListAsync(Token),
                await db.Meetings.IgnoreQueryFilters().AsNoTracking().AsSplitQuery().Where(m => m.BodyId == bodyId)
                    .Include(m => m.Organizations).Include(m => m.Participants).Include(m => m.Files).OrderBy(m => m.Id).ToListAsync(Token),
                await db.AgendaItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.BodyId == bodyId).OrderBy(i => i.Id).ToListAsync(Token),
                papers,
                await db.Consultations.IgnoreQueryFilters().AsNoTracking().Where(c => c.BodyId == bodyId).Include(c => c.Organizations).OrderBy(c => c.Id).ToListAsync(Token),
                await db.Files.IgnoreQueryFilters().AsNoTracking().Where(f => f.BodyId == bodyId).OrderBy(f => f.Id).ToListAsync(Token),
                await db.Questions.AsNoTracking().Where(q => paperIds.Contains(q.PaperId)).OrderBy(q => q.Id).ToListAsync(Token),
                await db.PaperReferences.AsNoTracking().Where(r => paperIds.Contains(r.FromPaperId)).OrderBy(r => r.Id).ToListAsync(Token));
        }
    }
}
