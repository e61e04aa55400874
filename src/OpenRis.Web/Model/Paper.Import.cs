namespace OpenRis.Web.Model;

/// <summary>
/// Papers taken over from legacy documents (document import). They were filed, numbered and often answered
/// in the old system, so they skip drafting and start registered; they stay invisible to the public until
/// the council office publishes them.
/// </summary>
public sealed partial class Paper
{
    public const string ImportedAction = "aus Altdokument übernommen";

    public bool IsImported => Transitions.Any(t => t.Action == ImportedAction);

    public static Paper Imported(Body body, PaperKind kind, string name, string sourceFile, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro übernimmt Altdokumente.");
        Require(!string.IsNullOrWhiteSpace(name), "Die Vorlage braucht einen Betreff.");
        var paper = new Paper { Body = body, BodyId = body.Id, Kind = kind, PaperKindId = kind.Id, Name = name.Trim(), Status = PaperStatus.Registered };
        paper.Transitions.Add(new PaperTransition
        {
            Paper = paper,
            At = now,
            Actor = actor.Name,
            From = PaperStatus.Draft,
            To = PaperStatus.Registered,
            Action = ImportedAction,
            Comment = sourceFile,
        });
        return paper;
    }

    /// <summary>The council office publishes an imported paper together with the imported statements answering it.</summary>
    public void PublishImported(DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro veröffentlicht übernommene Vorlagen.");
        Require(IsImported, "Nur übernommene Altdokumente werden so veröffentlicht; alle anderen gehen ihren Geschäftsgang.");
        Require(Status == PaperStatus.Registered, $"Die Vorlage ist {Status.ToGerman()}.");
        Move(PaperStatus.Published, "übernommen und veröffentlicht", null, now, actor);
        Snapshot("Veröffentlichung nach Übernahme", now, actor);
        foreach (var statement in SubordinatedPapers.Where(p => p.IsImported && p.Status == PaperStatus.Registered))
        {
            statement.Move(PaperStatus.Published, "mit der beantworteten Vorlage veröffentlicht", null, now, actor);
            statement.Snapshot("Veröffentlichung nach Übernahme", now, actor);
        }
    }
}
