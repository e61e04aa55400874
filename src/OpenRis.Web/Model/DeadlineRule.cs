using System.Globalization;

namespace OpenRis.Web.Model;

/// <summary>
/// One configured deadline of a body's rules of procedure (GeschO) for one paper kind, or the
/// body's default when <see cref="PaperKindId"/> is null. GO NRW leaves every period to the GeschO
/// (§ 47 Abs. 2, § 48 Abs. 1), so nothing here is a constant. All dates are counted in Berlin local
/// time; see docs/workflow.md for the exact counting rules.
/// </summary>
public sealed class DeadlineRule
{
    public long Id { get; set; }

    public long BodyId { get; set; }
    public Body? Body { get; set; }

    /// <summary>Null: the body's default for kinds without a rule of their own.</summary>
    public long? PaperKindId { get; set; }
    public PaperKind? PaperKind { get; set; }

    /// <summary>German label shown with every result, e.g. "Anfragen (§ 5 Abs. 1 GeschO)".</summary>
    public string Label { get; set; } = "";

    /// <summary>The legal basis as cited, e.g. "§ 5 Abs. 1 GeschO".</summary>
    public string? LegalBasis { get; set; }

    /// <summary>How long before the meeting a paper must be received.</summary>
    public int FilingPeriod { get; set; }
    public DeadlineUnit FilingUnit { get; set; }

    /// <summary>Receipt on the last day counts until this local time (inclusive); null means until 24:00.</summary>
    public TimeOnly? CutOffTime { get; set; }

    /// <summary>Ladungsfrist: how long before the meeting the invitation must reach the members; null if the GeschO sets none.</summary>
    public int? InvitationPeriod { get; set; }
    public DeadlineUnit InvitationUnit { get; set; }

    /// <summary>Days for the written answer; null if this kind needs none.</summary>
    public int? AnswerPeriod { get; set; }
    public AnswerDueBasis AnswerBasis { get; set; }

    /// <summary>The last instant a paper can be received and still be on time for the meeting.</summary>
    public DateTimeOffset FilingDeadline(DateTimeOffset meetingStart) =>
        At(LastDay(MeetingDay(meetingStart), FilingPeriod, FilingUnit), CutOffTime);

    /// <summary>Whether a paper received at <paramref name="receivedAt"/> is on time, with a German explanation for the UI.</summary>
    public DeadlineCheck Check(DateTimeOffset receivedAt, DateTimeOffset meetingStart)
    {
        var deadline = FilingDeadline(meetingStart);
        var onTime = receivedAt <= deadline;
        var name = LegalBasis is null ? Label : $"{Label} ({LegalBasis})";
        var rule = $"{name}: {Describe(FilingPeriod, FilingUnit)} vor der Sitzung am {German.Date(meetingStart)}";
        var explanation = onTime
            ? $"Fristgerecht eingegangen am {German.DateTime(receivedAt)}. {rule}; Frist endet am {German.Deadline(deadline, CutOffTime)}."
            : $"Verspätet eingegangen am {German.DateTime(receivedAt)}. {rule}; die Frist endete am {German.Deadline(deadline, CutOffTime)}. "
              + "Die Geschäftsstelle entscheidet, ob die Vorlage als dringlich zugelassen oder in die nächste Sitzung verschoben wird.";
        return new DeadlineCheck(onTime, deadline, explanation);
    }

    /// <summary>The last instant the invitation may reach the members (end of that day), or null.</summary>
    public DateTimeOffset? InvitationDeadline(DateTimeOffset meetingStart) =>
        InvitationPeriod is { } period ? At(LastDay(MeetingDay(meetingStart), period, InvitationUnit), null) : null;

    /// <summary>
    /// When the written answer is due (end of that day): a number of calendar days before the
    /// meeting, or after receipt of the paper. Null if no answer period is configured.
    /// </summary>
    public DateTimeOffset? AnswerDue(DateTimeOffset receivedAt, DateTimeOffset meetingStart) =>
        AnswerPeriod is not { } period ? null
        : AnswerBasis switch
        {
            AnswerDueBasis.BeforeMeeting => At(MeetingDay(meetingStart).AddDays(-period), null),
            AnswerDueBasis.AfterReceipt => At(MeetingDay(receivedAt).AddDays(period), null),
        };

    /// <summary>The rule for a paper kind, falling back to the body's default; null if the body has neither.</summary>
    public static DeadlineRule? Resolve(IEnumerable<DeadlineRule> rules, long bodyId, long? paperKindId)
    {
        DeadlineRule? fallback = null;
        foreach (var rule in rules.Where(r => r.BodyId == bodyId))
        {
            if (paperKindId is not null && rule.PaperKindId == paperKindId)
            {
                return rule;
            }
            if (rule.PaperKindId is null)
            {
                fallback = rule;
            }
        }
        return fallback;
    }

    /// <summary>
    /// The last day of receipt for a period before a meeting on <paramref name="meeting"/>:
    /// calendar days: n days before; working days: the n-th working day before (the meeting day
    /// never counts); full days: n whole days must lie between receipt and meeting, so neither
    /// the day of receipt nor the meeting day counts.
    /// </summary>
    public static DateOnly LastDay(DateOnly meeting, int period, DeadlineUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        switch (unit)
        {
            case DeadlineUnit.CalendarDays:
                return meeting.AddDays(-period);
            case DeadlineUnit.FullDays:
                return meeting.AddDays(-period - 1);
            case DeadlineUnit.WorkingDays:
                var day = meeting;
                for (var counted = 0; counted < period;)
                {
                    day = day.AddDays(-1);
                    if (NrwHolidays.IsWorkingDay(day))
                    {
                        counted++;
                    }
                }
                return day;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, null);
        }
    }

    private static DateOnly MeetingDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Berlin.Zone).DateTime);

    /// <summary>A local Berlin day and time as an instant; no cut-off means the last tick of the day.</summary>
    private static DateTimeOffset At(DateOnly day, TimeOnly? cutOff)
    {
        var local = cutOff is { } time ? day.ToDateTime(time) : day.ToDateTime(TimeOnly.MaxValue);
        return new DateTimeOffset(local, Berlin.Zone.GetUtcOffset(local));
    }

    private static string Describe(int period, DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.CalendarDays => $"{period} {(period == 1 ? "Kalendertag" : "Kalendertage")}",
        DeadlineUnit.WorkingDays => $"{period} {(period == 1 ? "Werktag" : "Werktage")}",
        DeadlineUnit.FullDays => $"{period} {(period == 1 ? "voller Tag" : "volle Tage")}",
    };

    /// <summary>German date text with fixed weekday abbreviations, so the wording does not depend on the ICU version.</summary>
    private static class German
    {
        private static readonly string[] Weekdays = ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."];

        private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Berlin.Zone).DateTime;

        public static string Date(DateTimeOffset instant)
        {
            var local = Local(instant);
            return $"{Weekdays[(int)local.DayOfWeek]}, {local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
        }

        public static string DateTime(DateTimeOffset instant) =>
            $"{Date(instant)}, {Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr";

        public static string Deadline(DateTimeOffset deadline, TimeOnly? cutOff) =>
            cutOff is null ? $"{Date(deadline)}, 24:00 Uhr" : DateTime(deadline);
    }
}

/// <summary>How a period before a meeting is counted.</summary>
public enum DeadlineUnit
{
    /// <summary>Kalendertage: the last day is n days before the meeting day.</summary>
    CalendarDays,

    /// <summary>Werktage: Monday to Friday without NRW public holidays, counted back from the day before the meeting.</summary>
    WorkingDays,

    /// <summary>Volle Tage: n whole days between the day of receipt and the meeting day, neither counting.</summary>
    FullDays,
}

public enum AnswerDueBasis
{
    /// <summary>The written answer is due n calendar days before the meeting (it goes out with the papers).</summary>
    BeforeMeeting,

    /// <summary>The written answer is due n calendar days after the paper was received.</summary>
    AfterReceipt,
}

/// <summary>The result of checking a receipt against a filing deadline; <paramref name="Explanation"/> is German UI text.</summary>
public sealed record DeadlineCheck(bool OnTime, DateTimeOffset Deadline, string Explanation);
