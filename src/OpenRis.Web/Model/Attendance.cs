namespace OpenRis.Web.Model;

/// <summary>Whether and when a member (or substitute) attended a meeting; recorded by the council office.</summary>
public sealed class Attendance
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;

    public AttendanceStatus Status { get; set; }

    /// <summary>Arrived late at (UTC); null if on time.</summary>
    public DateTime? ArrivedAt { get; set; }

    /// <summary>Left early at (UTC); null if stayed to the end.</summary>
    public DateTime? LeftAt { get; set; }

    /// <summary>Present at an instant; without an instant, present at any point of the meeting.</summary>
    public bool IsPresentAt(DateTime? instant) =>
        Status == AttendanceStatus.Present
        && (instant is not { } at || ((ArrivedAt is null || ArrivedAt <= at) && (LeftAt is null || at < LeftAt)));

    /// <summary>Checks the times against the meeting; German message on error.</summary>
    public void Validate(Meeting meeting)
    {
        if (Status != AttendanceStatus.Present && (ArrivedAt is not null || LeftAt is not null))
        {
            throw new MeetingException("Zeiten für späteres Kommen oder früheres Gehen gibt es nur bei Anwesenden.");
        }
        if (ArrivedAt is { } arrived && LeftAt is { } left && left <= arrived)
        {
            throw new MeetingException("Der Zeitpunkt des Gehens muss nach dem des Kommens liegen.");
        }
        if (meeting.Start is { } start && ((ArrivedAt is { } a && a < start) || (LeftAt is { } l && l < start)))
        {
            throw new MeetingException("Zeiten für späteres Kommen oder früheres Gehen müssen nach Sitzungsbeginn liegen.");
        }
    }
}

public enum AttendanceStatus
{
    Present,
    Excused,
    Absent,
}

public static class AttendanceStatusNames
{
    public static string ToGerman(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "anwesend",
        AttendanceStatus.Excused => "entschuldigt",
        AttendanceStatus.Absent => "unentschuldigt abwesend",
    };
}

/// <summary>Mitwirkungsverbot (GO NRW §§ 31, 43 Abs. 2): the person must not take part in this item.</summary>
public sealed class ConflictOfInterest
{
    public long Id { get; set; }
    public long AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public string? Note { get; set; }
}
