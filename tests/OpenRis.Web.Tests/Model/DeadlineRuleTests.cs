using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class DeadlineRuleTests
{
    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Hagen's Anfrage rule as seeded in the demo: 9 calendar days, until 24:00.</summary>
    private static DeadlineRule HagenInquiry() => new()
    {
        BodyId = 1,
        PaperKindId = 10,
        Label = "Anfragen",
        LegalBasis = "§ 5 Abs. 1 GeschO",
        FilingPeriod = 9,
        FilingUnit = DeadlineUnit.CalendarDays,
        InvitationPeriod = 7,
        InvitationUnit = DeadlineUnit.CalendarDays,
        AnswerPeriod = 7,
        AnswerBasis = AnswerDueBasis.BeforeMeeting,
    };

    private static DeadlineRule Rule(int period, DeadlineUnit unit, TimeOnly? cutOff = null) => new()
    {
        BodyId = 1,
        Label = "Testregel",
        FilingPeriod = period,
        FilingUnit = unit,
        CutOffTime = cutOff,
    };

    [Theory]
    // Hagen: Rat on Thu 27.09.2018.
    [InlineData("2018-09-27", 9, DeadlineUnit.CalendarDays, "2018-09-18")]
    [InlineData("2018-09-27", 13, DeadlineUnit.CalendarDays, "2018-09-14")]
    [InlineData("2018-09-27", 7, DeadlineUnit.FullDays, "2018-09-19")] // 20.–26.09 are the seven full days
    [InlineData("2018-09-27", 12, DeadlineUnit.FullDays, "2018-09-14")]
    [InlineData("2018-09-27", 9, DeadlineUnit.WorkingDays, "2018-09-14")] // Köln-style 9 Werktage
    [InlineData("2018-09-27", 0, DeadlineUnit.CalendarDays, "2018-09-27")]
    [InlineData("2018-09-27", 0, DeadlineUnit.WorkingDays, "2018-09-27")]
    [InlineData("2018-09-27", 0, DeadlineUnit.FullDays, "2018-09-26")]
    // A Monday meeting: the weekend counts as calendar days, not as working days.
    [InlineData("2018-09-24", 1, DeadlineUnit.WorkingDays, "2018-09-21")]
    [InlineData("2018-09-24", 1, DeadlineUnit.CalendarDays, "2018-09-23")]
    // 3. Oktober inside the window moves a working-day deadline back by one day.
    [InlineData("2018-10-11", 9, DeadlineUnit.WorkingDays, "2018-09-27")]
    [InlineData("2018-10-11", 9, DeadlineUnit.CalendarDays, "2018-10-02")]
    // Fronleichnam (Thu 20.06.2019) is skipped.
    [InlineData("2019-06-25", 3, DeadlineUnit.WorkingDays, "2019-06-19")]
    // Christmas and New Year: 25./26.12. and 01.01. skipped, Silvester and Heiligabend count.
    [InlineData("2019-01-03", 5, DeadlineUnit.WorkingDays, "2018-12-24")]
    // Easter: Karfreitag and Ostermontag 2019 (19./22.04.) skipped.
    [InlineData("2019-04-24", 3, DeadlineUnit.WorkingDays, "2019-04-17")]
    public void LastDay_CountsPerUnit(string meeting, int period, DeadlineUnit unit, string expected) =>
        Assert.Equal(Day(expected), DeadlineRule.LastDay(Day(meeting), period, unit));

    [Fact]
    public void Check_HagenSeedInquiry_IsOnTime()
    {
        // Filed Fri 14.09.2018 for the Rat on Thu 27.09.2018, 15:00.
        var check = HagenInquiry().Check(Instant("2018-09-14T10:00:00+02:00"), Instant("2018-09-27T15:00:00+02:00"));

        Assert.True(check.OnTime);
        Assert.Equal(new DateTimeOffset(2018, 9, 18, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_999), check.Deadline);
        Assert.StartsWith("Fristgerecht eingegangen am Fr., 14.09.2018, 10:00 Uhr.", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Anfragen (§ 5 Abs. 1 GeschO): 9 Kalendertage vor der Sitzung am Do., 27.09.2018", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Frist endet am Di., 18.09.2018, 24:00 Uhr", check.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2018-09-18T23:59:59+02:00", true)]
    [InlineData("2018-09-19T00:00:00+02:00", false)]
    [InlineData("2018-09-18T21:59:59Z", true)] // the same instant in UTC
    [InlineData("2018-09-18T22:00:00Z", false)]
    public void Check_HagenInquiry_EndOfDayBoundary(string received, bool onTime) =>
        Assert.Equal(onTime, HagenInquiry().Check(Instant(received), Instant("2018-09-27T15:00:00+02:00")).OnTime);

    [Theory]
    [InlineData("2018-09-17T12:00:00+02:00", true)] // exactly at the cut-off
    [InlineData("2018-09-17T12:00:01+02:00", false)]
    [InlineData("2018-09-17T11:59:59+02:00", true)]
    [InlineData("2018-09-16T23:00:00+02:00", true)]
    [InlineData("2018-09-18T08:00:00+02:00", false)]
    public void Check_CutOffTime_IsInclusive(string received, bool onTime)
    {
        var rule = Rule(10, DeadlineUnit.CalendarDays, new TimeOnly(12, 0));
        var check = rule.Check(Instant(received), Instant("2018-09-27T15:00:00+02:00"));
        Assert.Equal(onTime, check.OnTime);
        Assert.Equal(Instant("2018-09-17T12:00:00+02:00"), check.Deadline);
    }

    [Fact]
    public void Check_Late_ExplainsTheCouncilOfficeDecision()
    {
        var rule = Rule(10, DeadlineUnit.CalendarDays, new TimeOnly(12, 0));
        var check = rule.Check(Instant("2018-09-17T12:30:00+02:00"), Instant("2018-09-27T15:00:00+02:00"));
        Assert.False(check.OnTime);
        Assert.StartsWith("Verspätet eingegangen am Mo., 17.09.2018, 12:30 Uhr.", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("die Frist endete am Mo., 17.09.2018, 12:00 Uhr", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("als dringlich zugelassen oder in die nächste Sitzung verschoben", check.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // DST ends Sun 28.10.2018: the meeting is in CET (+01:00), the deadline still in CEST (+02:00).
    [InlineData("2018-10-30T16:00:00Z", 3, "2018-10-27T12:00:00+02:00")]
    // DST starts Sun 25.03.2018: the meeting is in CEST, the deadline in CET.
    [InlineData("2018-03-27T15:00:00Z", 3, "2018-03-24T12:00:00+01:00")]
    // Deadline on the switch day itself: 12:00 exists once on both switch days.
    [InlineData("2018-10-31T16:00:00Z", 3, "2018-10-28T12:00:00+01:00")]
    [InlineData("2018-03-28T15:00:00Z", 3, "2018-03-25T12:00:00+02:00")]
    // A meeting just after local midnight is on the local day, not the UTC day.
    [InlineData("2018-09-26T22:30:00Z", 1, "2018-09-26T12:00:00+02:00")]
    public void FilingDeadline_IsDstSafe(string meetingStart, int days, string expected) =>
        Assert.Equal(Instant(expected), Rule(days, DeadlineUnit.CalendarDays, new TimeOnly(12, 0)).FilingDeadline(Instant(meetingStart)));

    [Fact]
    public void FilingDeadline_EndOfDayOnDstSwitchDay_IsLastTickInLocalTime()
    {
        var deadline = Rule(2, DeadlineUnit.CalendarDays).FilingDeadline(Instant("2018-10-30T16:00:00Z"));
        Assert.Equal(TimeSpan.FromHours(1), deadline.Offset);
        Assert.Equal(new DateTimeOffset(2018, 10, 28, 22, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), deadline.ToUniversalTime());
    }

    [Fact]
    public void InvitationDeadline_HagenSevenDays_EndOf20September()
    {
        var deadline = HagenInquiry().InvitationDeadline(Instant("2018-09-27T15:00:00+02:00"));
        Assert.Equal(new DateOnly(2018, 9, 20), DateOnly.FromDateTime(deadline!.Value.DateTime));
        Assert.Null(Rule(3, DeadlineUnit.CalendarDays).InvitationDeadline(Instant("2018-09-27T15:00:00+02:00")));
    }

    [Theory]
    [InlineData(AnswerDueBasis.BeforeMeeting, 7, "2018-09-20")]
    [InlineData(AnswerDueBasis.AfterReceipt, 14, "2018-09-28")]
    [InlineData(AnswerDueBasis.AfterReceipt, 0, "2018-09-14")]
    public void AnswerDue_PerBasis(AnswerDueBasis basis, int days, string expected)
    {
        var rule = HagenInquiry();
        rule.AnswerBasis = basis;
        rule.AnswerPeriod = days;
        var due = rule.AnswerDue(Instant("2018-09-14T10:00:00+02:00"), Instant("2018-09-27T15:00:00+02:00"));
        Assert.Equal(Day(expected), DateOnly.FromDateTime(due!.Value.DateTime));
        Assert.Equal(TimeOnly.MaxValue, TimeOnly.FromDateTime(due.Value.DateTime));
    }

    [Fact]
    public void AnswerDue_NoPeriod_Null() =>
        Assert.Null(Rule(3, DeadlineUnit.CalendarDays).AnswerDue(Instant("2018-09-14T10:00:00+02:00"), Instant("2018-09-27T15:00:00+02:00")));

    [Theory]
    [InlineData(1, 10L, "kind")]
    [InlineData(1, 11L, "default")]
    [InlineData(1, null, "default")]
    [InlineData(2, 10L, "other body")]
    [InlineData(3, 10L, null)]
    public void Resolve_KindRuleThenBodyDefault(long bodyId, long? kindId, string? expected)
    {
        DeadlineRule[] rules =
        [
            new() { BodyId = 1, PaperKindId = null, Label = "default" },
            new() { BodyId = 1, PaperKindId = 10, Label = "kind" },
            new() { BodyId = 2, PaperKindId = 10, Label = "other body" },
        ];
        Assert.Equal(expected, DeadlineRule.Resolve(rules, bodyId, kindId)?.Label);
    }

    [Fact]
    public void LastDay_NegativePeriod_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.LastDay(new DateOnly(2018, 9, 27), -1, DeadlineUnit.CalendarDays));
}
