namespace OpenRis.Web.Model;

/// <summary>
/// A paper received after the filing deadline of the rules of procedure: the council office decides
/// before registering it whether it is admitted as urgent (Dringlichkeit) or moved to the next
/// meeting of the target body. The decision and its reason stay on the paper and in its history.
/// </summary>
public sealed partial class Paper
{
    public LateFilingDecision? LateDecision { get; set; }

    /// <summary>The council office's reason, as shown on the paper.</summary>
    public string? LateDecisionReason { get; set; }

    /// <summary>
    /// Records the council office's decision on a late paper. <paramref name="nextMeeting"/> is the next
    /// meeting of the target body after the current target meeting; it is required for a move.
    /// </summary>
    public void DecideLateFiling(LateFilingDecision decision, string? reason, DeadlineCheck? deadline, Meeting? nextMeeting, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro entscheidet über verspätet eingegangene Vorlagen.");
        Require(Status == PaperStatus.Submitted, $"Über den Eingang wird vor der Registrierung entschieden; die Vorlage ist {Status.ToGerman()}.");
        Require(deadline is { OnTime: false }, "Die Vorlage ist fristgerecht eingegangen; eine Entscheidung ist nicht nötig.");
        Require(LateDecision is null, $"Über den verspäteten Eingang ist bereits entschieden: {LateDecision?.ToGerman()}.");
        Require(!string.IsNullOrWhiteSpace(reason), "Bitte begründen Sie die Entscheidung; die Begründung wird an der Vorlage festgehalten.");
        var comment = reason!.Trim();
        if (decision == LateFilingDecision.MovedToNextMeeting)
        {
            Require(nextMeeting?.Start is not null && !nextMeeting.Cancelled, "Für das Gremium ist keine spätere Sitzung geplant; die Vorlage kann nicht verschoben werden.");
            Require(TargetMeeting?.Start is not { } current || nextMeeting!.Start > current, "Die gewählte Sitzung liegt nicht nach der bisherigen.");
            TargetMeeting = nextMeeting;
            TargetMeetingId = nextMeeting!.Id;
            comment = $"auf die Sitzung am {Berlin.ToLocal(nextMeeting.Start!.Value):dd.MM.yyyy}: {comment}";
        }
        LateDecision = decision;
        LateDecisionReason = reason.Trim();
        Transitions.Add(new PaperTransition
        {
            Paper = this,
            At = now,
            Actor = actor.Name,
            From = Status,
            To = Status,
            Action = decision.ToGerman(),
            Comment = comment,
        });
    }

    /// <summary>Late and not yet decided: registering must wait for the council office's decision.</summary>
    public bool AwaitsLateDecision(DeadlineCheck? deadline) => deadline is { OnTime: false } && LateDecision is null;
}

public enum LateFilingDecision
{
    /// <summary>Dringlichkeit: handled in the meeting it was filed for.</summary>
    AdmittedAsUrgent,

    /// <summary>Put off to the next meeting of the target body.</summary>
    MovedToNextMeeting,
}

public static class LateFilingDecisionNames
{
    public static string ToGerman(this LateFilingDecision decision) => decision switch
    {
        LateFilingDecision.AdmittedAsUrgent => "als dringlich zugelassen",
        LateFilingDecision.MovedToNextMeeting => "auf die nächste Sitzung verschoben",
    };
}
