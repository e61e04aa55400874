namespace OpenRis.Web.Model;

/// <summary>One member's vote in a roll-call vote (namentliche Abstimmung).</summary>
public sealed class RollCallVote
{
    public long Id { get; set; }
    public long AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public VoteChoice Choice { get; set; }
}

public enum VoteChoice
{
    Yes,
    No,
    Abstain,
}

/// <summary>
/// The common result list (domain-notes §2.2), normalised over the wording of ALLRIS, SessionNet
/// and others; the city's own wording is kept in <see cref="AgendaItem.Result"/>.
/// </summary>
public enum ResultKind
{
    Adopted,
    AdoptedWithChanges,
    Recommended,
    Rejected,
    Noted,
    Postponed,
    Referred,
    Withdrawn,
    Settled,
    NoDecision,
}

public static class ResultNames
{
    /// <summary>Default German wording, used when the city gives none of its own.</summary>
    public static string ToGerman(this ResultKind kind) => kind switch
    {
        ResultKind.Adopted => "ungeändert beschlossen",
        ResultKind.AdoptedWithChanges => "geändert beschlossen",
        ResultKind.Recommended => "empfohlen",
        ResultKind.Rejected => "abgelehnt",
        ResultKind.Noted => "zur Kenntnis genommen",
        ResultKind.Postponed => "vertagt",
        ResultKind.Referred => "verwiesen",
        ResultKind.Withdrawn => "zurückgezogen",
        ResultKind.Settled => "erledigt",
        ResultKind.NoDecision => "ohne Beschluss",
    };

    /// <summary>Stable key for open data (the vote extension, docs/meetings.md).</summary>
    public static string ToKey(this ResultKind kind) => kind switch
    {
        ResultKind.Adopted => "adopted",
        ResultKind.AdoptedWithChanges => "adoptedWithChanges",
        ResultKind.Recommended => "recommended",
        ResultKind.Rejected => "rejected",
        ResultKind.Noted => "noted",
        ResultKind.Postponed => "postponed",
        ResultKind.Referred => "referred",
        ResultKind.Withdrawn => "withdrawn",
        ResultKind.Settled => "settled",
        ResultKind.NoDecision => "noDecision",
    };

    public static string ToGerman(this VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "Ja",
        VoteChoice.No => "Nein",
        VoteChoice.Abstain => "Enthaltung",
    };

    public static string ToKey(this VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "yes",
        VoteChoice.No => "no",
        VoteChoice.Abstain => "abstain",
    };
}

/// <summary>An open vote's count.</summary>
public sealed record VoteTally(int Yes, int No, int Abstain);

public sealed partial class AgendaItem
{
    /// <summary>
    /// Records the result of this item: the common kind, the city's wording (default: the kind's
    /// German name), the resolution text, and the vote as a tally or as a roll call. A roll call
    /// must match the tally given; only members present and without a conflict of interest vote.
    /// </summary>
    public void RecordResult(ResultKind kind, string? wording, string? resolutionText, VoteTally? tally,
        IReadOnlyList<(long PersonId, VoteChoice Choice)>? rollCall, IReadOnlyCollection<Attendance> attendance)
    {
        if (tally is { } t && (t.Yes < 0 || t.No < 0 || t.Abstain < 0))
        {
            throw new MeetingException("Stimmenzahlen können nicht negativ sein.");
        }
        if (rollCall is { Count: > 0 })
        {
            if (rollCall.Select(v => v.PersonId).Distinct().Count() != rollCall.Count)
            {
                throw new MeetingException("Jedes Mitglied hat bei einer namentlichen Abstimmung genau eine Stimme.");
            }
            foreach (var (personId, _) in rollCall)
            {
                if (Conflicts.Any(c => c.PersonId == personId))
                {
                    throw new MeetingException($"{NameOf(personId, attendance)} unterliegt bei diesem Punkt dem Mitwirkungsverbot und darf nicht abstimmen.");
                }
                if (!attendance.Any(a => a.PersonId == personId && a.IsPresentAt(Start)))
                {
                    throw new MeetingException($"{NameOf(personId, attendance)} ist laut Anwesenheitsliste nicht anwesend und kann nicht abstimmen.");
                }
            }
            var counted = new VoteTally(rollCall.Count(v => v.Choice == VoteChoice.Yes), rollCall.Count(v => v.Choice == VoteChoice.No), rollCall.Count(v => v.Choice == VoteChoice.Abstain));
            if (tally is not null && tally != counted)
            {
                throw new MeetingException($"Das Stimmergebnis ({tally.Yes} Ja, {tally.No} Nein, {tally.Abstain} Enthaltungen) stimmt nicht mit der namentlichen Abstimmung überein ({counted.Yes} Ja, {counted.No} Nein, {counted.Abstain} Enthaltungen).");
            }
            tally = counted;
        }
        if (tally is { } v && v.Yes + v.No + v.Abstain > attendance.Count(a => a.IsPresentAt(Start)) && attendance.Count > 0)
        {
            throw new MeetingException("Es wurden mehr Stimmen gezählt, als Mitglieder anwesend sind.");
        }
        ResultKind = kind;
        Result = string.IsNullOrWhiteSpace(wording) ? kind.ToGerman() : wording.Trim();
        ResolutionText = string.IsNullOrWhiteSpace(resolutionText) ? null : resolutionText.Trim();
        VotesYes = tally?.Yes;
        VotesNo = tally?.No;
        VotesAbstain = tally?.Abstain;
        IsRollCall = rollCall is { Count: > 0 };
        RollCall.Clear();
        foreach (var (personId, choice) in rollCall ?? [])
        {
            RollCall.Add(new RollCallVote { AgendaItem = this, AgendaItemId = Id, PersonId = personId, Choice = choice });
        }
    }

    /// <summary>Records a Mitwirkungsverbot; refused once the person has voted on this item.</summary>
    public void RecordConflict(long personId, string? note)
    {
        if (RollCall.Any(v => v.PersonId == personId))
        {
            throw new MeetingException("Für diese Person ist bereits eine Stimme erfasst. Bitte korrigieren Sie zuerst die Abstimmung.");
        }
        if (Conflicts.All(c => c.PersonId != personId))
        {
            Conflicts.Add(new ConflictOfInterest { AgendaItem = this, AgendaItemId = Id, PersonId = personId, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
        }
    }

    private static string NameOf(long personId, IReadOnlyCollection<Attendance> attendance) =>
        attendance.FirstOrDefault(a => a.PersonId == personId)?.Person?.Name ?? $"Person {personId}";
}
