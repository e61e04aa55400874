namespace OpenRis.Web.Model;

/// <summary>
/// Dringlichkeitsentscheidung (GO NRW § 60 Abs. 1 Satz 2): when neither the council nor the
/// Hauptausschuss can meet in time, the mayor decides together with one council member; the council
/// approves (Genehmigung) at its next meeting. The council office records it as a paper that stays
/// unpublished until it stands on a published agenda of that meeting.
/// </summary>
public sealed partial class Paper
{
    public const string ApprovalRole = "Genehmigung";

    public static Paper RecordUrgentDecision(PaperKind kind, long bodyId, string? subject, string? text, DateOnly? decidedOn,
        string? mayorName, string? memberName, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro erfasst Dringlichkeitsentscheidungen.");
        Require(!string.IsNullOrWhiteSpace(subject), "Bitte geben Sie den Gegenstand der Dringlichkeitsentscheidung an.");
        Require(!string.IsNullOrWhiteSpace(text), "Bitte geben Sie den Wortlaut der Entscheidung an.");
        Require(decidedOn is not null, "Bitte geben Sie das Datum der Entscheidung an.");
        Require(decidedOn <= DateOnly.FromDateTime(Berlin.ToLocal(now)), "Das Datum der Entscheidung darf nicht in der Zukunft liegen.");
        Require(!string.IsNullOrWhiteSpace(mayorName), "Bitte geben Sie an, wer als Bürgermeisterin oder Bürgermeister entschieden hat.");
        Require(!string.IsNullOrWhiteSpace(memberName), "Eine Dringlichkeitsentscheidung trifft der Bürgermeister mit einem Ratsmitglied (§ 60 Abs. 1 GO NRW); bitte geben Sie das Ratsmitglied an.");
        Require(!string.Equals(mayorName!.Trim(), memberName!.Trim(), StringComparison.OrdinalIgnoreCase), "Bürgermeister und Ratsmitglied sind zwei verschiedene Personen.");
        var signedAt = Berlin.ToUtc(decidedOn!.Value.ToDateTime(new TimeOnly(12, 0)));
        var paper = new Paper
        {
            BodyId = bodyId,
            Kind = kind,
            PaperKindId = kind.Id,
            Name = $"Dringlichkeitsentscheidung: {subject!.Trim()}",
            Text = text!.Trim(),
            Date = decidedOn,
            Status = PaperStatus.Registered,
        };
        paper.Signatures.Add(new Signature { Paper = paper, Position = 0, Name = mayorName.Trim(), Function = "Oberbürgermeister", SignedAt = signedAt });
        paper.Signatures.Add(new Signature { Paper = paper, Position = 1, Name = memberName.Trim(), Function = "Ratsmitglied", SignedAt = signedAt });
        paper.Transitions.Add(new PaperTransition { Paper = paper, At = now, Actor = actor.Name, From = PaperStatus.Draft, To = PaperStatus.Registered, Action = "als Dringlichkeitsentscheidung erfasst" });
        return paper;
    }

    /// <summary>Publishes an urgent decision with the agenda that puts it before the council for approval.</summary>
    public void PublishForApproval(DateTime now, Actor actor)
    {
        Require(Kind.Key == "urgent-decision" && Status == PaperStatus.Registered, "Nur eine erfasste Dringlichkeitsentscheidung wird mit der Tagesordnung veröffentlicht.");
        Move(PaperStatus.Published, "mit der Tagesordnung zur Genehmigung veröffentlicht", null, now, actor);
    }
}
