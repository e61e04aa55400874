namespace OpenRis.Web.Model;

/// <summary>OParl AgendaItem (Tagesordnungspunkt). Embedded in its Meeting.</summary>
public sealed partial class AgendaItem : BodyObject
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

    /// <summary>The normalised result behind <see cref="Result"/>, for filters and open data.</summary>
    public ResultKind? ResultKind { get; set; }

    /// <summary>Vote tally (offene Abstimmung); null where no vote was taken or counted.</summary>
    public int? VotesYes { get; set; }
    public int? VotesNo { get; set; }
    public int? VotesAbstain { get; set; }

    /// <summary>Namentliche Abstimmung: every member's vote is recorded in <see cref="RollCall"/>.</summary>
    public bool IsRollCall { get; set; }

    /// <summary>Standing item of every meeting of the body (Einwohnerfragestunde, Mitteilungen …), not a paper.</summary>
    public bool Standing { get; set; }

    /// <summary>Added after the first published version of the agenda (Nachtrag).</summary>
    public int? AddendumNumber { get; set; }

    public List<RollCallVote> RollCall { get; set; } = [];
    public List<ConflictOfInterest> Conflicts { get; set; } = [];

    public Consultation? Consultation { get; set; }
    public List<DocumentFile> Files { get; set; } = [];
}
