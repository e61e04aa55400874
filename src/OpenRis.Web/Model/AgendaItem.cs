namespace OpenRis.Web.Model;

/// <summary>OParl AgendaItem (Tagesordnungspunkt). Embedded in its Meeting.</summary>
public sealed class AgendaItem : BodyObject
{
    public long MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    /// <summary>Display numbering in the municipality's style ("I.4.1", "10.1").</summary>
    public string? Number { get; set; }

    /// <summary>0-based position within the meeting (OParl 1.1, required).</summary>
    public int Order { get; set; }

    public string Name { get; set; } = "";
    public bool Public { get; set; } = true;

    /// <summary>Categorical result in the city's own wording, e.g. "Unverändert beschlossen".</summary>
    public string? Result { get; set; }
    public string? ResolutionText { get; set; }

    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }

    public Consultation? Consultation { get; set; }
    public List<DocumentFile> Files { get; set; } = [];
}
