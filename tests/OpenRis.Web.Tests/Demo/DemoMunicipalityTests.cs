using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Demo;

public sealed class DemoMunicipalityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The seed as a reader sees it: Markdown emphasis and line-break marks removed.</summary>
    private static string Plain(string markdown) =>
        markdown.Replace("**", "", StringComparison.Ordinal).Replace("  \n", "\n", StringComparison.Ordinal);

    [Fact]
    public void VendoredSeed_IsTheSharedSeedByteForByte() =>
        Assert.Equal(SharedData.SeedText, DemoBuilder.SeedDocument());

    [Fact]
    public void SeedParts_TogetherAreTheWholeSeed()
    {
        var (form, letter, statement) = DemoBuilder.SeedParts();
        Assert.StartsWith("## **ANFRAGE GEM. § 5 GESCHÄFTSORDNUNG**", form, StringComparison.Ordinal);
        Assert.StartsWith("HAGEN AKTIV", letter, StringComparison.Ordinal);
        Assert.StartsWith("## ÖFFENTLICHE STELLUNGNAHME", statement, StringComparison.Ordinal);
        Assert.Equal(SharedData.SeedText.Trim(), $"{form}\n\n\n\n{letter}\n\n\n\n{statement}");
    }

    [Theory]
    [InlineData(HagenTexts.Question1)]
    [InlineData(HagenTexts.Question2)]
    [InlineData(HagenTexts.Question3)]
    [InlineData(HagenTexts.Reasoning)]
    [InlineData(HagenTexts.StatementIntro)]
    [InlineData(HagenTexts.Answer1)]
    [InlineData(HagenTexts.Answer2)]
    [InlineData(HagenTexts.Answer3)]
    public void HagenTexts_AreInTheSeedWordForWord(string text) =>
        Assert.Contains(text, Plain(SharedData.SeedText), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Seed_CarriesTheHagenCase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(setup, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), Token);
        }
        await using var db = database.NewContext();

        var body = await db.Bodies.SingleAsync(Token);
        Assert.Equal(("Stadt Hagen", "05914000"), (body.Name, body.Ags));
        Assert.NotNull(body.LocationId);

        var inquiry = await db.Papers.Include(p => p.Kind).Include(p => p.Questions).Include(p => p.Signatures)
            .Include(p => p.ImpactAssessments).ThenInclude(a => a.ImpactCheck).Include(p => p.OriginatorOrganizations)
            .Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).Include(p => p.Consultations).ThenInclude(c => c.Meeting)
            .Include(p => p.References).ThenInclude(r => r.ToPaper)
            .SingleAsync(p => p.Reference == "0930/2018", Token);
        Assert.Equal(PaperKindKeys.Inquiry, inquiry.Kind.Key);
        Assert.Equal("E-Government - Digitalisierungsstrategie", inquiry.Subject);
        Assert.Equal(new DateOnly(2018, 9, 14), inquiry.Date);
        Assert.Equal("Fraktion Hagen Aktiv im Rat der Stadt Hagen", inquiry.OriginatorOrganizations.Single().Name);
        Assert.Null(inquiry.Summary);
        Assert.Equal(HagenTexts.Reasoning, inquiry.Reasoning);
        Assert.Equal([HagenTexts.Question1, HagenTexts.Question2, HagenTexts.Question3], inquiry.Questions.OrderBy(q => q.Number).Select(q => q.Text));
        Assert.Equal([HagenTexts.Answer1, HagenTexts.Answer2, HagenTexts.Answer3], inquiry.Questions.OrderBy(q => q.Number).Select(q => q.Answer));
        Assert.Equal("sind nicht betroffen", inquiry.ImpactAssessments.Single(a => a.ImpactCheck.Key == "inclusion").Option);
        Assert.Contains(inquiry.Signatures, s => s is { Name: "Karin Nigbur-Martini", Formula: "f. d. R." });
        var consultation = inquiry.Consultations.Single();
        Assert.Equal("I.4.1", consultation.AgendaItem!.Number);
        Assert.Equal(new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc), consultation.Meeting!.Start);
        Assert.Equal("1159/2017", inquiry.References.Single().ToPaper.Reference);

        var statement = await db.Papers.Include(p => p.Kind).Include(p => p.Signatures).Include(p => p.Offices).ThenInclude(o => o.Organization)
            .Include(p => p.References).ThenInclude(r => r.ToPaper)
            .SingleAsync(p => p.ParentPaperId == inquiry.Id, Token);
        Assert.True(statement.Kind.AnswersQuestions);
        Assert.Equal("11", statement.Offices.Single(o => o.Role == OfficeRole.Lead).Organization.ShortName);
        Assert.Contains(statement.Signatures, s => s is { Formula: "gez.", Name: "Erik O. Schulz", Function: "Oberbürgermeister" });
        Assert.Equal("0853/2018", statement.References.Single().ToPaper.Reference);
        Assert.All(inquiry.Questions, q => Assert.Equal(statement.Id, q.AnswerPaperId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Seed_FilesHoldTheSeedDocumentsWordForWord(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new FileStore(new FileStoreOptions { Root = database.FilesRoot });
        await using (var setup = await database.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(setup, store, Token);
        }
        await using var db = database.NewContext();

        var texts = await db.Files.Where(f => f.Paper!.Reference == "0930/2018" || f.Paper!.ParentPaper!.Reference == "0930/2018")
            .OrderBy(f => f.Id).Select(f => new { f.Text, f.Sha512Checksum, f.Size }).ToListAsync(Token);
        Assert.Equal(SharedData.SeedText.Trim(), string.Join("\n\n\n\n", texts.Select(t => t.Text)));
        foreach (var file in texts)
        {
            await using var content = store.OpenRead(file.Sha512Checksum);
            using var reader = new StreamReader(content);
            Assert.Equal(file.Text + "\n", await reader.ReadToEndAsync(Token));
            Assert.Equal(file.Size, content.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Seed_HasNonPublicMattersAndADraft(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(setup, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), Token);
        }
        await using var db = database.NewContext();

        var hidden = await db.Papers.Where(p => !p.Public || p.Status != PaperStatus.Published).ToListAsync(Token);
        Assert.Contains(hidden, p => !p.Public && p.NonPublicReason != null);
        Assert.Contains(hidden, p => p.Status == PaperStatus.Draft && p.OwnerOrganizationId != null);
        Assert.All(hidden, p => Assert.False(p.IsPubliclyVisible));
        Assert.Contains(await db.AgendaItems.ToListAsync(Token), a => !a.Public);
        // Only public officials and the seed's signatories carry real names.
        var real = await db.Persons.Where(p => !p.IsFictitious).Select(p => p.Name).ToListAsync(Token);
        Assert.Equal(["Dr. Josef Bücker", "Erik O. Schulz", "Karin Nigbur-Martini"], real.Order());
    }
}
