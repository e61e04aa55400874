namespace OpenRis.Web.Model;

/// <summary>
/// A promise made in an answer ("Fertigstellung … Ende des 2. Quartals 2019"), tracked until a
/// later paper keeps it: due on a date, or again at every meeting of an organization.
/// Created only from suggestions the clerk has confirmed.
/// </summary>
public sealed class Commitment
{
    public long Id { get; set; }
    public long BodyId { get; set; }

    /// <summary>The statement the promise was made in.</summary>
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;

    /// <summary>The sentence of the answer, word for word.</summary>
    public string Text { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    /// <summary>Due at every meeting of this organization (e.g. "in jeder Sitzung des Betriebsausschusses HABIT").</summary>
    public long? RecurringOrganizationId { get; set; }
    public Organization? RecurringOrganization { get; set; }

    /// <summary>Other recurrences, in German as shown ("jährlich").</summary>
    public string? Recurrence { get; set; }

    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;

    /// <summary>The later paper that kept the promise.</summary>
    public long? FulfilledByPaperId { get; set; }
    public Paper? FulfilledByPaper { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ConfirmedAt { get; set; }
    public string ConfirmedBy { get; set; } = "";

    /// <summary>Reports given at meetings of <see cref="RecurringOrganization"/>.</summary>
    public List<CommitmentReport> Reports { get; set; } = [];

    public bool IsRecurring => RecurringOrganizationId is not null || Recurrence is not null;

    public bool IsOverdue(DateOnly today) => Status == CommitmentStatus.Open && DueDate is { } due && due < today;

    /// <summary>
    /// Overdue on a date, or (due at every meeting of an organization) when one of its meetings was
    /// held without a report. <paramref name="meetingsOfOrganization"/> are that organization's meetings.
    /// </summary>
    public bool IsOverdue(DateOnly today, IEnumerable<Meeting> meetingsOfOrganization, DateTime now) =>
        IsOverdue(today) || (Status == CommitmentStatus.Open && MissedMeetings(meetingsOfOrganization, now).Any());

    /// <summary>
    /// Meetings of the recurring organization held after the promise was published (the day after the
    /// statement's date) and before <paramref name="now"/>, not cancelled, with no report recorded.
    /// Nothing is missed before the statement is released: until then the promise is not given.
    /// </summary>
    public IEnumerable<Meeting> MissedMeetings(IEnumerable<Meeting> meetingsOfOrganization, DateTime now) =>
        RecurringOrganizationId is null || Paper.Status != PaperStatus.Published || Paper.Date is not { } given
            ? []
            : DueMeetings(meetingsOfOrganization, given).Where(m => m.Start <= now && Reports.All(r => r.MeetingId != m.Id));

    /// <summary>The next meeting of the recurring organization a report is due at, if one is planned.</summary>
    public Meeting? NextDueMeeting(IEnumerable<Meeting> meetingsOfOrganization, DateTime now) =>
        RecurringOrganizationId is null || Status != CommitmentStatus.Open
            ? null
            : DueMeetings(meetingsOfOrganization, Paper.Date ?? DateOnly.MinValue).FirstOrDefault(m => m.Start > now && Reports.All(r => r.MeetingId != m.Id));

    private static IEnumerable<Meeting> DueMeetings(IEnumerable<Meeting> meetings, DateOnly after) =>
        meetings.Where(m => !m.Cancelled && m.Start is { } start && DateOnly.FromDateTime(Berlin.ToLocal(start)) > after).OrderBy(m => m.Start);

    /// <summary>The clerk records that the report was given at a meeting of the recurring organization.</summary>
    public CommitmentReport RecordReport(Meeting meeting, Paper? paper, DateTime now, Actor actor)
    {
        if (RecurringOrganizationId is not { } organization)
        {
            throw new WorkflowException("Diese Zusage ist nicht an die Sitzungen eines Gremiums gebunden.");
        }
        if (Status != CommitmentStatus.Open)
        {
            throw new WorkflowException("Diese Zusage ist bereits erledigt.");
        }
        if (meeting.Organizations.All(o => o.OrganizationId != organization) || meeting.Cancelled || meeting.Start is null)
        {
            throw new WorkflowException("Der Bericht kann nur für eine stattfindende Sitzung dieses Gremiums festgehalten werden.");
        }
        if (Reports.Any(r => r.MeetingId == meeting.Id))
        {
            throw new WorkflowException("Für diese Sitzung ist der Bericht bereits festgehalten.");
        }
        if (paper is not null && paper.Status != PaperStatus.Published)
        {
            throw new WorkflowException("Als Bericht kann nur eine veröffentlichte Vorlage angegeben werden.");
        }
        var report = new CommitmentReport { Commitment = this, MeetingId = meeting.Id, Meeting = meeting, PaperId = paper?.Id, Paper = paper, RecordedAt = now, RecordedBy = actor.Name };
        Reports.Add(report);
        return report;
    }

    public void Fulfil(Paper by)
    {
        if (Status != CommitmentStatus.Open)
        {
            throw new WorkflowException("Diese Zusage ist bereits erledigt.");
        }
        if (by.Status != PaperStatus.Published)
        {
            throw new WorkflowException("Eine Zusage kann nur durch eine veröffentlichte Vorlage erfüllt werden.");
        }
        if (by.Id == PaperId || (Paper is not null && by.Id == Paper.ParentPaperId))
        {
            throw new WorkflowException("Eine Zusage wird durch eine spätere Vorlage erfüllt, nicht durch die Vorlage, in der sie gegeben wurde.");
        }
        Status = CommitmentStatus.Fulfilled;
        FulfilledByPaper = by;
        FulfilledByPaperId = by.Id;
    }
}

/// <summary>A report on a recurring commitment, given at one meeting; optionally the paper it was given in.</summary>
public sealed class CommitmentReport
{
    public long Id { get; set; }
    public long CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public long? PaperId { get; set; }
    public Paper? Paper { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum CommitmentStatus
{
    Open,
    Fulfilled,
}
