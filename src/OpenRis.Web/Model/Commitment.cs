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

    public bool IsRecurring => RecurringOrganizationId is not null || Recurrence is not null;

    public bool IsOverdue(DateOnly today) => Status == CommitmentStatus.Open && DueDate is { } due && due < today;

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
        Status = CommitmentStatus.Fulfilled;
        FulfilledByPaper = by;
        FulfilledByPaperId = by.Id;
    }
}

public enum CommitmentStatus
{
    Open,
    Fulfilled,
}
