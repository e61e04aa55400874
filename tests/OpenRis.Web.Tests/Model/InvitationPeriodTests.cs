using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

/// <summary>
/// The invitation periods of domain-notes §1.3 as data: each row is a GeschO's Ladungsfrist, a
/// meeting and the last instant an invitation keeps it, checked one tick before and after.
/// </summary>
public sealed class InvitationPeriodTests
{
    private static readonly DateTime MeetingThursday = Berlin.ToUtc(new DateTime(2018, 9, 27, 15, 0, 0));

    // Thursday 04.10.2018 follows the holiday of 03.10 (Tag der Deutschen Einheit).
    private static readonly DateTime MeetingAfterHoliday = Berlin.ToUtc(new DateTime(2018, 10, 4, 15, 0, 0));

    public static TheoryData<string, int, DeadlineUnit, DateTime, DateTime> Periods => new()
    {
        // Düsseldorf: at least 7 days.
        { "Düsseldorf, 7 Tage", 7, DeadlineUnit.CalendarDays, MeetingThursday, new DateTime(2018, 9, 20) },
        // Wesel: 8 full days, neither the day of dispatch nor the meeting day counts.
        { "Wesel, 8 volle Tage", 8, DeadlineUnit.FullDays, MeetingThursday, new DateTime(2018, 9, 18) },
        // Hilden: 9 days counting the meeting day, delivery until 24:00 → 8 calendar days before.
        { "Hilden, 9 Tage mit Sitzungstag", 8, DeadlineUnit.CalendarDays, MeetingThursday, new DateTime(2018, 9, 19) },
        // Mettmann: 10 full days.
        { "Mettmann, 10 volle Tage", 10, DeadlineUnit.FullDays, MeetingThursday, new DateTime(2018, 9, 16) },
        // Bonn: reaches the members by the 14th day before.
        { "Bonn, 14. Tag vorher", 14, DeadlineUnit.CalendarDays, MeetingThursday, new DateTime(2018, 9, 13) },
        // Rhein-Kreis Neuss: 6 calendar days; urgency: 3 Werktage.
        { "Rhein-Kreis Neuss, 6 Kalendertage", 6, DeadlineUnit.CalendarDays, MeetingThursday, new DateTime(2018, 9, 21) },
        { "Rhein-Kreis Neuss, 3 Werktage", 3, DeadlineUnit.WorkingDays, MeetingThursday, new DateTime(2018, 9, 24) },
        // Working days skip the weekend and the holiday of 03.10.: 02.10., 01.10., 28.09.
        { "3 Werktage über den Feiertag", 3, DeadlineUnit.WorkingDays, MeetingAfterHoliday, new DateTime(2018, 9, 28) },
        // Köln: 9 working days.
        { "Köln, 9 Werktage", 9, DeadlineUnit.WorkingDays, MeetingThursday, new DateTime(2018, 9, 14) },
        // Hagen demo: 7 calendar days.
        { "Hagen (Demo), 7 Kalendertage", 7, DeadlineUnit.CalendarDays, MeetingAfterHoliday, new DateTime(2018, 9, 27) },
    };

    private static Meeting Meeting(DateTime start) => new()
    {
        Name = "Sitzung des Rates",
        Start = start,
        AgendaVersions = { new AgendaVersion { Number = 1 } },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void CheckInvitation_LastDayUntilMidnight_OnTimeThenLate(string geschO, int period, DeadlineUnit unit, DateTime meetingStart, DateTime lastDay)
    {
        var rule = new DeadlineRule { Label = geschO, InvitationPeriod = period, InvitationUnit = unit };
        var meeting = Meeting(meetingStart);
        var lastInstant = Berlin.ToOffset(Berlin.ToUtc(lastDay.AddDays(1))).AddTicks(-1);

        var onTime = meeting.CheckInvitation(rule, lastInstant);
        var late = meeting.CheckInvitation(rule, lastInstant.AddMinutes(1));

        Assert.True(onTime.OnTime, $"{geschO}: {onTime.Explanation}");
        Assert.False(late.OnTime, $"{geschO}: {late.Explanation}");
        Assert.Equal(lastInstant, onTime.Deadline);
        Assert.Contains(lastDay.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), late.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_TooLateWithoutUrgencyReason_IsRefusedWithGermanMessage()
    {
        var rule = new DeadlineRule { Label = "Ladungsfrist", LegalBasis = "§ 1 GeschO", InvitationPeriod = 7, InvitationUnit = DeadlineUnit.CalendarDays };
        var meeting = Meeting(MeetingThursday);
        var tooLate = Berlin.ToUtc(new DateTime(2018, 9, 21, 9, 0, 0));

        var refused = Assert.Throws<MeetingException>(() => meeting.Invite(rule, tooLate, "  "));

        Assert.StartsWith("Die Ladungsfrist (7 Kalendertage, Ladungsfrist (§ 1 GeschO)) ist nicht gewahrt; sie endete am 20.09.2018", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Begründung der Dringlichkeit", refused.Message, StringComparison.Ordinal);
        Assert.Equal(MeetingState.Scheduled, meeting.MeetingState);
        Assert.Null(meeting.InvitedAt);
    }

    [Fact]
    public void Invite_TooLateWithUrgencyReason_IsSentAndReasonRecorded()
    {
        var rule = new DeadlineRule { Label = "Ladungsfrist", InvitationPeriod = 7, InvitationUnit = DeadlineUnit.CalendarDays };
        var meeting = Meeting(MeetingThursday);
        var tooLate = Berlin.ToUtc(new DateTime(2018, 9, 24, 9, 0, 0));

        var check = meeting.Invite(rule, tooLate, "Förderfrist des Landes endet am 28.09.");

        Assert.False(check.OnTime);
        Assert.Equal(MeetingState.Invited, meeting.MeetingState);
        Assert.Equal("Förderfrist des Landes endet am 28.09.", meeting.UrgencyReason);
        Assert.Equal(tooLate, meeting.InvitedAt);
    }

    [Fact]
    public void Invite_InTime_RecordsNoUrgency()
    {
        var rule = new DeadlineRule { Label = "Ladungsfrist", InvitationPeriod = 7, InvitationUnit = DeadlineUnit.CalendarDays };
        var meeting = Meeting(MeetingThursday);

        var check = meeting.Invite(rule, Berlin.ToUtc(new DateTime(2018, 9, 19, 9, 0, 0)), "nicht nötig");

        Assert.True(check.OnTime);
        Assert.Null(meeting.UrgencyReason);
        Assert.Throws<MeetingException>(() => meeting.Invite(rule, Berlin.ToUtc(new DateTime(2018, 9, 19, 10, 0, 0)), null));
    }

    [Fact]
    public void Invite_WithoutPublishedAgenda_IsRefused()
    {
        var meeting = new Meeting { Start = MeetingThursday };

        var refused = Assert.Throws<MeetingException>(() => meeting.Invite(null, Berlin.ToUtc(new DateTime(2018, 9, 1)), null));

        Assert.Contains("Tagesordnung", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInvitation_NoRule_IsOnTime()
    {
        Assert.True(Meeting(MeetingThursday).CheckInvitation(null, Berlin.ToOffset(MeetingThursday).AddHours(-1)).OnTime);
    }
}
