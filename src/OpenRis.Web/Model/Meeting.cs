namespace OpenRis.Web.Model;

/// <summary>OParl Meeting (Sitzung) of one or more organizations.</summary>
public sealed partial class Meeting : BodyObject
{
    public string Name { get; set; } = "";
    public MeetingState MeetingState { get; set; } = MeetingState.Scheduled;
    public bool Cancelled { get; set; }

    /// <summary>UTC; shown in Europe/Berlin.</summary>
    public DateTime? Start { get; set; }

    /// <summary>UTC; shown in Europe/Berlin.</summary>
    public DateTime? End { get; set; }

    /// <summary>A whole meeting can be closed to the public (GO NRW § 48 Abs. 2); usually only single items are.</summary>
    public bool Public { get; set; } = true;

    public long? LocationId { get; set; }
    public Location? Location { get; set; }

    /// <summary>Organizing bodies; the first is the lead (OParl Meeting.organization).</summary>
    public List<MeetingOrganization> Organizations { get; set; } = [];

    /// <summary>Persons actually present; filled after the meeting.</summary>
    public List<Person> Participants { get; set; } = [];

    public List<AgendaItem> AgendaItems { get; set; } = [];

    /// <summary>When the invitation went out (UTC); null before.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>Why the invitation period was shortened; required when the invitation was late.</summary>
    public string? UrgencyReason { get; set; }

    /// <summary>Why the meeting was cancelled or last moved, as told to members and the public.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>The start before the last move (UTC).</summary>
    public DateTime? PreviousStart { get; set; }

    /// <summary>When the meeting was last moved or cancelled (UTC); what the follow digests report.</summary>
    public DateTime? ChangedAt { get; set; }

    /// <summary>iCal SEQUENCE: counts the changes of date, place or status that calendars must pick up.</summary>
    public int Sequence { get; set; }

    public List<Attendance> Attendance { get; set; } = [];
    public List<AgendaVersion> AgendaVersions { get; set; } = [];
    public List<DocumentFile> Files { get; set; } = [];
}

/// <summary>The OParl strings are fixed by the spec's recommended values.</summary>
public enum MeetingState
{
    Scheduled,
    Invited,
    Held,
}

public static class MeetingStateNames
{
    public static string ToOParl(this MeetingState state) => state switch
    {
        MeetingState.Scheduled => "terminiert",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
    };

    public static string ToGerman(this MeetingState state) => state switch
    {
        MeetingState.Scheduled => "terminiert",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
    };
}

/// <summary>Ordered link from a meeting to an organizing organization.</summary>
public sealed class MeetingOrganization
{
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public int Position { get; set; }
}
