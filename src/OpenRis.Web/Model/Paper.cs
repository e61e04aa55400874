namespace OpenRis.Web.Model;

/// <summary>OParl Paper (Drucksache / Vorlage): the unit the council works on.</summary>
public sealed partial class Paper : BodyObject
{
    /// <summary>Title as published, e.g. "Anfrage der Fraktion Hagen Aktiv – hier: E-Government - Digitalisierungsstrategie".</summary>
    public string Name { get; set; } = "";

    /// <summary>Drucksachennummer ("0930/2018"). Unique per body, never changed once published.</summary>
    public string? Reference { get; set; }

    /// <summary>Reference date of the paper, from which deadlines are counted.</summary>
    public DateOnly? Date { get; set; }

    public long PaperKindId { get; set; }
    public PaperKind Kind { get; set; } = null!;

    public PaperStatus Status { get; set; } = PaperStatus.Draft;

    /// <summary>Non-public papers (GO NRW § 48 Abs. 2) carry their legal reason.</summary>
    public bool Public { get; set; } = true;
    public string? NonPublicReason { get; set; }

    /// <summary>"hier: …" line of the Betreff.</summary>
    public string? Subject { get; set; }

    /// <summary>Kurzfassung; null when the paper says "entfällt".</summary>
    public string? Summary { get; set; }

    /// <summary>Begründung / Sachverhalt.</summary>
    public string? Reasoning { get; set; }

    /// <summary>Beschlussvorschlag or the main text of a statement.</summary>
    public string? Text { get; set; }

    /// <summary>Eingangsdatum: stamped when a faction submits; UTC.</summary>
    public DateTime? ReceivedAt { get; set; }

    /// <summary>The faction or office that drafts it; a draft is visible to them only.</summary>
    public long? OwnerOrganizationId { get; set; }
    public Organization? OwnerOrganization { get; set; }

    /// <summary>OParl superordinatedPaper: e.g. the inquiry a statement answers.</summary>
    public long? ParentPaperId { get; set; }
    public Paper? ParentPaper { get; set; }
    public List<Paper> SubordinatedPapers { get; set; } = [];

    public List<Person> OriginatorPersons { get; set; } = [];
    public List<Organization> OriginatorOrganizations { get; set; } = [];
    public List<PaperOffice> Offices { get; set; } = [];
    public List<Location> Locations { get; set; } = [];
    public List<Consultation> Consultations { get; set; } = [];
    public List<DocumentFile> Files { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public List<Signature> Signatures { get; set; } = [];
    public List<ImpactAssessment> ImpactAssessments { get; set; } = [];
    public List<PaperReference> References { get; set; } = [];
    public List<PaperReference> CitedBy { get; set; } = [];

    /// <summary>What anonymous visitors, search and OParl may show.</summary>
    public bool IsPubliclyVisible => Public && !Deleted && Status == PaperStatus.Published;

    /// <summary>The Drucksachennummer to print: its own, or that of the paper it answers.</summary>
    public string? DisplayReference => Reference ?? ParentPaper?.Reference;
}

public enum PaperStatus
{
    /// <summary>Being written; visible to its owner only.</summary>
    Draft,

    /// <summary>Filed with the council office; text frozen.</summary>
    Submitted,

    /// <summary>Numbered and routed by the council office.</summary>
    Registered,

    /// <summary>A statement out for sign-off (Mitzeichnung) by the co-signing offices.</summary>
    InCoSigning,

    /// <summary>A statement signed off by every office, waiting for the approver's release.</summary>
    AwaitingRelease,

    /// <summary>Released and published.</summary>
    Published,

    Withdrawn,
}

public static class PaperStatusNames
{
    public static string ToGerman(this PaperStatus status) => status switch
    {
        PaperStatus.Draft => "Entwurf",
        PaperStatus.Submitted => "eingereicht",
        PaperStatus.Registered => "registriert",
        PaperStatus.InCoSigning => "in Mitzeichnung",
        PaperStatus.AwaitingRelease => "zur Freigabe",
        PaperStatus.Published => "veröffentlicht",
        PaperStatus.Withdrawn => "zurückgezogen",
    };
}

public static class PaperQueries
{
    /// <summary>Papers anyone may see: public and published, not deleted (the soft-delete filter).</summary>
    public static IQueryable<Paper> PubliclyVisible(this IQueryable<Paper> papers) =>
        papers.Where(p => p.Public && p.Status == PaperStatus.Published);
}
