using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class DeadlineRuleDataTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DeadlineRule_RoundTrips(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.MigratedContextAsync())
        {
            var body = new Body { Name = "Teststadt" };
            var kind = new PaperKind { Key = "inquiry", Name = "Anfrage" };
            db.AddRange(body, kind);
            db.DeadlineRules.AddRange(
                new DeadlineRule { Body = body, Label = "Standard", FilingPeriod = 9, FilingUnit = DeadlineUnit.WorkingDays, CutOffTime = new TimeOnly(12, 0) },
                new DeadlineRule
                {
                    Body = body,
                    PaperKind = kind,
                    Label = "Anfragen",
                    LegalBasis = "§ 5 Abs. 1 GeschO",
                    FilingPeriod = 7,
                    FilingUnit = DeadlineUnit.FullDays,
                    InvitationPeriod = 8,
                    InvitationUnit = DeadlineUnit.FullDays,
                    AnswerPeriod = 14,
                    AnswerBasis = AnswerDueBasis.AfterReceipt,
                });
            await db.SaveChangesAsync(Token);
        }

        await using var fresh = database.NewContext();
        var rules = await fresh.DeadlineRules.Include(r => r.PaperKind).OrderBy(r => r.Id).ToListAsync(Token);
        Assert.Equal(2, rules.Count);
        Assert.Null(rules[0].PaperKindId);
        Assert.Equal(DeadlineUnit.WorkingDays, rules[0].FilingUnit);
        Assert.Equal(new TimeOnly(12, 0), rules[0].CutOffTime);
        Assert.Null(rules[0].AnswerPeriod);
        var inquiry = DeadlineRule.Resolve(rules, rules[0].BodyId, rules[1].PaperKindId)!;
        Assert.Equal("inquiry", inquiry.PaperKind!.Key);
        Assert.Equal(("§ 5 Abs. 1 GeschO", 7, DeadlineUnit.FullDays, (TimeOnly?)null), (inquiry.LegalBasis, inquiry.FilingPeriod, inquiry.FilingUnit, inquiry.CutOffTime));
        Assert.Equal((8, DeadlineUnit.FullDays, 14, AnswerDueBasis.AfterReceipt), (inquiry.InvitationPeriod!.Value, inquiry.InvitationUnit, inquiry.AnswerPeriod!.Value, inquiry.AnswerBasis));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Demo_HagenSeedInquiry_IsOnTimeUnderSeededRule(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.MigratedContextAsync())
        {
            await DemoMunicipality.SeedAsync(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), Token);
        }

        await using var fresh = database.NewContext();
        var inquiry = await fresh.Papers.Include(p => p.Kind).SingleAsync(p => p.Reference == "0930/2018" && p.Kind!.Key == PaperKindKeys.Inquiry, Token);
        var meetings = await fresh.Meetings.Where(m => m.Name == "Sitzung des Rates der Stadt Hagen").ToListAsync(Token);
        var meeting = meetings.Single(m => m.Start!.Value.Date == new DateTime(2018, 9, 27, 0, 0, 0, DateTimeKind.Utc));
        var rule = DeadlineRule.Resolve(await fresh.DeadlineRules.ToListAsync(Token), inquiry.BodyId, inquiry.PaperKindId)!;

        Assert.Equal("§ 5 Abs. 1 GeschO", rule.LegalBasis);
        var received = new DateTimeOffset(2018, 9, 14, 10, 0, 0, TimeSpan.FromHours(2));
        var check = rule.Check(received, new DateTimeOffset(meeting.Start!.Value, TimeSpan.Zero));
        Assert.True(check.OnTime, check.Explanation);
    }
}
