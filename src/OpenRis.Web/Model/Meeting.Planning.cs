namespace OpenRis.Web.Model;

public sealed partial class Meeting
{
    /// <summary>Cancels the meeting; calendars get STATUS:CANCELLED with a higher SEQUENCE.</summary>
    public void Cancel(string? reason, DateTime now)
    {
        if (Cancelled)
        {
            throw new MeetingException("Die Sitzung ist bereits abgesagt.");
        }
        if (MeetingState == MeetingState.Held || (Start is { } start && start <= now))
        {
            throw new MeetingException("Eine Sitzung, die bereits begonnen hat oder durchgeführt wurde, kann nicht mehr abgesagt werden.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new MeetingException("Bitte geben Sie den Grund der Absage an; er wird den Mitgliedern und der Öffentlichkeit mitgeteilt.");
        }
        Cancelled = true;
        ChangeReason = reason.Trim();
        ChangedAt = now;
        Sequence++;
    }

    /// <summary>Moves the meeting to a new start; the reason is recorded and shown, the old date kept.</summary>
    public void Move(DateTime newStartUtc, string? reason, DateTime now)
    {
        if (Cancelled || MeetingState == MeetingState.Held)
        {
            throw new MeetingException("Eine abgesagte oder durchgeführte Sitzung kann nicht verlegt werden.");
        }
        if (newStartUtc <= now)
        {
            throw new MeetingException("Der neue Termin muss in der Zukunft liegen.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new MeetingException("Bitte geben Sie den Grund der Verlegung an.");
        }
        if (Start == newStartUtc)
        {
            throw new MeetingException("Der neue Termin ist derselbe wie der bisherige.");
        }
        var length = End - Start;
        PreviousStart = Start;
        Start = newStartUtc;
        End = length is { } l ? newStartUtc + l : null;
        ChangeReason = reason.Trim();
        ChangedAt = now;
        Sequence++;
        // An invitation for the old date does not count for the new one (the period runs anew).
        if (MeetingState == MeetingState.Invited)
        {
            MeetingState = MeetingState.Scheduled;
            InvitedAt = null;
            UrgencyReason = null;
        }
    }

    /// <summary>A new meeting of one organization at a local Berlin time.</summary>
    public static Meeting Plan(Organization organization, string name, DateTime localStart, TimeSpan length, Location? location)
    {
        var start = Berlin.ToUtc(localStart);
        var meeting = new Meeting
        {
            BodyId = organization.BodyId,
            Name = name,
            Start = start,
            End = start + length,
            LocationId = location?.Id,
        };
        // Keys only: the organization and room usually come from a no-tracking query and must not be inserted again.
        meeting.Organizations.Add(new MeetingOrganization { Meeting = meeting, OrganizationId = organization.Id, Position = 0 });
        return meeting;
    }
}

/// <summary>A rule of the meeting model was broken; the message is German UI text.</summary>
public sealed class MeetingException(string message) : Exception(message);
