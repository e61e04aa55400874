namespace OpenRis.Web.Model;

/// <summary>
/// OParl Consultation: one entry of a paper's Beratungsfolge, linking the paper to a meeting
/// and, once the agenda is built, to an agenda item. Embedded in its Paper.
/// </summary>
public sealed class Consultation : BodyObject
{
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;

    public long? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public long? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }

    /// <summary>Committees in order; the first is the lead.</summary>
    public List<Organization> Organizations { get; set; } = [];

    /// <summary>Is the decision taken here?</summary>
    public bool? Authoritative { get; set; }

    /// <summary>Anhörung, Entscheidung, Kenntnisnahme, Vorberatung, Beantwortung …</summary>
    public string? Role { get; set; }
}
