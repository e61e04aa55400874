namespace OpenRis.Web.Model;

/// <summary>
/// OParl Organization: council, committee, faction, and also the administration's offices
/// (Amt, Eigenbetrieb), which lead and co-sign papers.
/// </summary>
public sealed class Organization : BodyObject
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public List<string> Post { get; set; } = [];

    public long? SubOrganizationOfId { get; set; }
    public Organization? SubOrganizationOf { get; set; }

    /// <summary>Coarse OParl category: Gremium, Fraktion, Verwaltungsbereich, externes Gremium, Institution, Sonstiges.</summary>
    public string? OrganizationType { get; set; }

    /// <summary>Finer kind: Parlament, Ausschuss, Beirat, Fraktion, Amt, Eigenbetrieb …</summary>
    public string? Classification { get; set; }

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Website { get; set; }
    public string? ExternalBody { get; set; }

    public long? LocationId { get; set; }
    public Location? Location { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    /// <summary>
    /// The standing items every agenda of this body starts with, in order; null = the default of
    /// <see cref="Meeting.StandingItems(bool)"/> for its kind (each city's GeschO decides).
    /// </summary>
    public List<string>? StandingAgendaItems { get; set; }

    /// <summary>Whether this is the council itself (OParl classification "Parlament"), not a committee.</summary>
    public bool IsCouncil => Classification == "Parlament";

    /// <summary>This body's standing agenda items: its own list, else the default for its kind.</summary>
    public IReadOnlyList<string> StandingItems() => StandingAgendaItems ?? Meeting.StandingItems(IsCouncil);

    public const string TypeCommittee = "Gremium";
    public const string TypeFaction = "Fraktion";
    public const string TypeAdministration = "Verwaltungsbereich";

    public bool IsFaction => OrganizationType == TypeFaction;
    public bool IsOffice => OrganizationType == TypeAdministration;
}
