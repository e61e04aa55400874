namespace OpenRis.Web.Model;

/// <summary>The result of checking an invitation against the body's Ladungsfrist; <paramref name="Explanation"/> is German UI text.</summary>
public sealed record InvitationCheck(bool OnTime, DateTimeOffset? Deadline, string Explanation);

public sealed partial class Meeting
{
    /// <summary>
    /// Whether an invitation sent at <paramref name="sentAt"/> keeps the invitation period of
    /// <paramref name="rule"/> (GO NRW § 47 Abs. 2: the GeschO sets it). No rule means no period.
    /// </summary>
    public InvitationCheck CheckInvitation(DeadlineRule? rule, DateTimeOffset sentAt)
    {
        if (Start is not { } start)
        {
            throw new MeetingException("Die Sitzung hat noch keinen Termin.");
        }
        var meetingStart = Berlin.ToOffset(start);
        if (rule?.InvitationDeadline(meetingStart) is not { } deadline)
        {
            return new InvitationCheck(true, null, "Für dieses Gremium ist keine Ladungsfrist hinterlegt.");
        }
        var basis = rule.LegalBasis is null ? rule.Label : $"{rule.Label} ({rule.LegalBasis})";
        var period = rule.InvitationUnit switch
        {
            DeadlineUnit.CalendarDays => $"{rule.InvitationPeriod} Kalendertage",
            DeadlineUnit.WorkingDays => $"{rule.InvitationPeriod} Werktage",
            DeadlineUnit.FullDays => $"{rule.InvitationPeriod} volle Tage",
        };
        var last = Berlin.ToLocal(deadline.UtcDateTime);
        return sentAt <= deadline
            ? new InvitationCheck(true, deadline, $"Die Ladungsfrist ({period}, {basis}) ist gewahrt; sie endet am {last:dd.MM.yyyy} um 24:00 Uhr.")
            : new InvitationCheck(false, deadline, $"Die Ladungsfrist ({period}, {basis}) ist nicht gewahrt; sie endete am {last:dd.MM.yyyy} um 24:00 Uhr.");
    }

    /// <summary>
    /// Sends the invitation: needs a published agenda; a late invitation (shortened period) only
    /// with a recorded reason of urgency. Queuing the e-mails is the caller's visible side effect.
    /// </summary>
    public InvitationCheck Invite(DeadlineRule? rule, DateTime now, string? urgencyReason)
    {
        if (Cancelled)
        {
            throw new MeetingException("Zu einer abgesagten Sitzung kann nicht eingeladen werden.");
        }
        if (MeetingState != MeetingState.Scheduled)
        {
            throw new MeetingException("Zu dieser Sitzung wurde bereits eingeladen. Änderungen der Tagesordnung gehen als Nachtrag hinaus.");
        }
        if (AgendaVersions.Count == 0)
        {
            throw new MeetingException("Bitte veröffentlichen Sie zuerst die Tagesordnung; sie geht mit der Einladung hinaus.");
        }
        if (Start <= now)
        {
            throw new MeetingException("Die Sitzung hat bereits begonnen; eine Einladung ist nicht mehr möglich.");
        }
        var check = CheckInvitation(rule, Berlin.ToOffset(now));
        if (!check.OnTime && string.IsNullOrWhiteSpace(urgencyReason))
        {
            throw new MeetingException($"{check.Explanation} Eine verkürzte Ladungsfrist ist nur bei Dringlichkeit zulässig; bitte geben Sie die Begründung der Dringlichkeit an.");
        }
        MeetingState = MeetingState.Invited;
        InvitedAt = now;
        UrgencyReason = check.OnTime ? null : urgencyReason!.Trim();
        return check;
    }
}
