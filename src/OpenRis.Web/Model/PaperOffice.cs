namespace OpenRis.Web.Model;

/// <summary>An administrative office (Amt/Eigenbetrieb) in charge of a paper or co-signing it.</summary>
public sealed class PaperOffice
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public OfficeRole Role { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>UTC time of the office's sign-off (Mitzeichnung); null while open.</summary>
    public DateTime? SignedOffAt { get; set; }
}

public enum OfficeRole
{
    /// <summary>Federführend; OParl Paper.underDirectionOf.</summary>
    Lead,

    /// <summary>Beteiligt / Mitzeichnung.</summary>
    CoSigning,
}
