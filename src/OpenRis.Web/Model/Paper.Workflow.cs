namespace OpenRis.Web.Model;

/// <summary>
/// The workflow of an inquiry or motion and of the statement answering it, as plain rules:
/// each step checks state and actor, refuses with a German message, and records the transition.
/// Inquiry: Entwurf → eingereicht → registriert → veröffentlicht.
/// Statement: Entwurf → in Mitzeichnung → zur Freigabe → veröffentlicht (together with its inquiry).
/// </summary>
public sealed partial class Paper
{
    /// <summary>The meeting the filer wants it on (body + date); the consultation is created on publication.</summary>
    public long? TargetMeetingId { get; set; }
    public Meeting? TargetMeeting { get; set; }

    /// <summary>Who moved the paper from which state to which, when, and why.</summary>
    public List<PaperTransition> Transitions { get; set; } = [];

    /// <summary>Frozen texts: one version at submission and one at every later change.</summary>
    public List<PaperVersion> Versions { get; set; } = [];

    public bool IsStatement => Kind.AnswersQuestions;

    /// <summary>The text may be edited: a draft, by the faction office (inquiry) or lead office clerk (statement) that owns it.</summary>
    public bool CanEdit(Actor actor) =>
        Status == PaperStatus.Draft && actor.ActsFor(OwnerOrganizationId)
        && actor.Role == (IsStatement ? RisRole.DepartmentClerk : RisRole.FactionOffice);

    /// <summary>
    /// What is missing before a draft can be filed, as messages for the form's error summary.
    /// <paramref name="requiredChecks"/> must be answered; every answer given must carry its explanation where the catalogue asks for one.
    /// </summary>
    public List<string> MissingForSubmission(IEnumerable<ImpactCheck> requiredChecks)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            missing.Add("Bitte geben Sie den Betreff („hier: …“) an.");
        }
        if (TargetMeetingId is null && TargetMeeting is null)
        {
            missing.Add("Bitte wählen Sie die Sitzung, in der die Vorlage beraten werden soll.");
        }
        if (Kind.HasQuestions && !Questions.Any(q => !string.IsNullOrWhiteSpace(q.Text)))
        {
            missing.Add("Eine Anfrage braucht mindestens eine Frage.");
        }
        if (!Kind.HasQuestions && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Reasoning))
        {
            missing.Add("Bitte geben Sie den Antragstext oder die Begründung an.");
        }
        foreach (var check in requiredChecks)
        {
            if (!ImpactAssessments.Any(a => (a.ImpactCheckId == check.Id || a.ImpactCheck == check) && !string.IsNullOrWhiteSpace(a.Option)))
            {
                missing.Add($"Bitte beantworten Sie die Prüfung „{check.Title}“.");
            }
        }
        foreach (var assessment in ImpactAssessments.Where(a => a.ImpactCheck is not null && a.ImpactCheck.RequiresExplanation(a.Option) && string.IsNullOrWhiteSpace(a.Explanation)))
        {
            missing.Add($"Bitte erläutern Sie bei „{assessment.ImpactCheck.Title}“ die Auswirkungen.");
        }
        if (Signatures.Count == 0)
        {
            missing.Add("Bitte geben Sie mindestens eine unterzeichnende Person an.");
        }
        return missing;
    }

    /// <summary>The faction office files the draft with the council office: stamps the receipt and freezes the text.</summary>
    public void Submit(IEnumerable<ImpactCheck> requiredChecks, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.FactionOffice && actor.ActsFor(OwnerOrganizationId), "Nur die Geschäftsstelle der eigenen Fraktion kann diese Vorlage einreichen.");
        Require(Status == PaperStatus.Draft, $"Die Vorlage ist bereits {Status.ToGerman()} und kann nicht erneut eingereicht werden.");
        var missing = MissingForSubmission(requiredChecks);
        Require(missing.Count == 0, string.Join(" ", missing));
        ReceivedAt = now;
        Date = DateOnly.FromDateTime(Berlin.ToLocal(now));
        Move(PaperStatus.Submitted, "eingereicht", null, now, actor);
        Snapshot("Einreichung", now, actor);
    }

    /// <summary>
    /// The council office numbers the paper and routes it to the lead office and the co-signing offices.
    /// <paramref name="deadline"/> is the filing check against the target meeting (null without a rule):
    /// a late paper needs the decision of <see cref="DecideLateFiling"/> first.
    /// </summary>
    public void Register(string reference, long leadOfficeId, DateOnly? dueDate, IEnumerable<long> coSigningOfficeIds, DeadlineCheck? deadline, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro registriert Vorlagen.");
        Require(Status == PaperStatus.Submitted, $"Nur eingereichte Vorlagen können registriert werden; diese ist {Status.ToGerman()}.");
        Require(!AwaitsLateDecision(deadline), "Die Vorlage ist nach Fristablauf eingegangen. Bitte entscheiden Sie zuerst, ob sie als dringlich zugelassen oder auf die nächste Sitzung verschoben wird.");
        // GO NRW practice: a Drucksachennummer, once given, is the paper's name for good.
        Require(Reference is null, $"Die Vorlage hat bereits die Nummer {Reference}.");
        Require(!string.IsNullOrWhiteSpace(reference), "Die Drucksachennummer fehlt.");
        Reference = reference;
        Offices.Add(new PaperOffice { Paper = this, OrganizationId = leadOfficeId, Role = OfficeRole.Lead, DueDate = dueDate });
        foreach (var office in coSigningOfficeIds.Where(o => o != leadOfficeId).Distinct())
        {
            Offices.Add(new PaperOffice { Paper = this, OrganizationId = office, Role = OfficeRole.CoSigning, DueDate = dueDate });
        }
        Move(PaperStatus.Registered, "registriert", $"Drucksachennummer {reference}", now, actor);
    }

    /// <summary>The council office may change the kind (e.g. a Vorschlag zur Tagesordnung into an Anfrage), with a reason.</summary>
    public void Reclassify(PaperKind kind, string? reason, DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.CouncilOffice, "Nur das Ratsbüro kann die Vorlagenart ändern.");
        Require(Status is PaperStatus.Submitted or PaperStatus.Registered, "Die Vorlagenart kann nur bei eingereichten oder registrierten Vorlagen geändert werden.");
        Require(!string.IsNullOrWhiteSpace(reason), "Bitte begründen Sie die Änderung der Vorlagenart.");
        Require(kind.Id != PaperKindId || kind != Kind, "Die Vorlage hat diese Art bereits.");
        var from = Kind.Name;
        Kind = kind;
        PaperKindId = kind.Id;
        Transitions.Add(new PaperTransition { Paper = this, At = now, Actor = actor.Name, From = Status, To = Status, Action = "umgestuft", Comment = $"{from} → {kind.Name}: {reason}" });
        Snapshot($"Umstufung: {reason}", now, actor);
    }

    /// <summary>The lead office's clerk starts the statement (Stellungnahme) answering a registered paper.</summary>
    public static Paper DraftStatement(Paper inquiry, PaperKind statementKind, DateTime now, Actor actor)
    {
        var lead = inquiry.Offices.FirstOrDefault(o => o.Role == OfficeRole.Lead);
        Require(actor.Role == RisRole.DepartmentClerk && lead is not null && actor.ActsFor(lead.OrganizationId), "Nur die federführende Dienststelle entwirft die Stellungnahme.");
        Require(inquiry.Status == PaperStatus.Registered, "Eine Stellungnahme kann erst zu einer registrierten Vorlage entworfen werden.");
        Require(inquiry.SubordinatedPapers.All(p => p.Deleted || !p.Kind.AnswersQuestions), "Zu dieser Vorlage gibt es bereits eine Stellungnahme.");
        var statement = new Paper
        {
            BodyId = inquiry.BodyId,
            Body = inquiry.Body,
            Kind = statementKind,
            PaperKindId = statementKind.Id,
            Name = $"Öffentliche Stellungnahme: {inquiry.Name}",
            Subject = inquiry.Subject,
            Public = inquiry.Public,
            NonPublicReason = inquiry.NonPublicReason,
            ParentPaper = inquiry,
            OwnerOrganizationId = lead!.OrganizationId,
            Text = $"Zur {inquiry.Kind.Abbreviation ?? inquiry.Kind.Name} der {inquiry.OriginatorOrganizations.FirstOrDefault()?.Name ?? "Antragsteller"} nimmt die Verwaltung wie folgt Stellung:",
        };
        foreach (var office in inquiry.Offices)
        {
            statement.Offices.Add(new PaperOffice { Paper = statement, OrganizationId = office.OrganizationId, Role = office.Role, DueDate = office.DueDate });
        }
        inquiry.SubordinatedPapers.Add(statement);
        statement.Transitions.Add(new PaperTransition { Paper = statement, At = now, Actor = actor.Name, From = PaperStatus.Draft, To = PaperStatus.Draft, Action = "Entwurf begonnen" });
        return statement;
    }

    /// <summary>The clerk sends the finished statement to the co-signing offices (or straight to release when there are none).</summary>
    public void SubmitForSignOff(DateTime now, Actor actor)
    {
        Require(IsStatement, "Nur Stellungnahmen gehen in die Mitzeichnung.");
        Require(actor.Role == RisRole.DepartmentClerk && actor.ActsFor(OwnerOrganizationId), "Nur die federführende Dienststelle kann die Stellungnahme weitergeben.");
        Require(Status == PaperStatus.Draft, $"Die Stellungnahme ist bereits {Status.ToGerman()}.");
        var open = ParentPaper?.Questions.Where(q => !q.IsAnswered).Select(q => q.Number).ToList() ?? [];
        Require(open.Count == 0, $"Bitte beantworten Sie zuerst Frage {string.Join(", ", open)}.");
        foreach (var office in Offices.Where(o => o.Role == OfficeRole.CoSigning))
        {
            office.SignedOffAt = null;
        }
        var lead = Offices.FirstOrDefault(o => o.Role == OfficeRole.Lead);
        if (lead is not null)
        {
            lead.SignedOffAt = now;
        }
        var next = Offices.Any(o => o.Role == OfficeRole.CoSigning) ? PaperStatus.InCoSigning : PaperStatus.AwaitingRelease;
        Move(next, next == PaperStatus.InCoSigning ? "zur Mitzeichnung gegeben" : "zur Freigabe gegeben", null, now, actor);
        Snapshot("Entwurf abgeschlossen", now, actor);
    }

    /// <summary>A co-signing office signs off (Mitzeichnung); the last one passes the statement on to release.</summary>
    public void SignOff(DateTime now, Actor actor)
    {
        var office = OpenCoSigningOffice(actor);
        office.SignedOffAt = now;
        var allSigned = Offices.Where(o => o.Role == OfficeRole.CoSigning).All(o => o.SignedOffAt is not null);
        if (allSigned)
        {
            Move(PaperStatus.AwaitingRelease, "mitgezeichnet", null, now, actor);
        }
        else
        {
            Transitions.Add(new PaperTransition { Paper = this, At = now, Actor = actor.Name, From = Status, To = Status, Action = "mitgezeichnet" });
        }
    }

    /// <summary>A co-signing office or the approver sends the statement back to the lead office, with comments.</summary>
    public void SendBack(string? comment, DateTime now, Actor actor)
    {
        Require(!string.IsNullOrWhiteSpace(comment), "Bitte schreiben Sie, was geändert werden soll.");
        if (actor.Role == RisRole.Approver)
        {
            Require(Status == PaperStatus.AwaitingRelease, "Die Stellungnahme liegt nicht zur Freigabe vor.");
        }
        else
        {
            _ = OpenCoSigningOffice(actor);
        }
        Move(PaperStatus.Draft, "zurückgegeben", comment, now, actor);
    }

    /// <summary>
    /// The approver releases the statement ("gez." name and office). Inquiry and answer are published
    /// together; placing them on the agenda is the meeting's rule (<see cref="Meeting.PlaceOnAgenda"/>).
    /// </summary>
    public void Release(DateTime now, Actor actor)
    {
        Require(actor.Role == RisRole.Approver, "Nur der Oberbürgermeister oder ein Dezernent gibt Stellungnahmen frei.");
        Require(IsStatement && Status == PaperStatus.AwaitingRelease, $"Die Stellungnahme liegt nicht zur Freigabe vor; sie ist {Status.ToGerman()}.");
        Require(ParentPaper is { Status: PaperStatus.Registered }, "Die beantwortete Vorlage ist nicht registriert.");
        Date = DateOnly.FromDateTime(Berlin.ToLocal(now));
        Signatures.Add(new Signature { Paper = this, Position = Signatures.Count, Formula = Signature.Released, Name = actor.Name, Function = actor.Function, SignedAt = now });
        Move(PaperStatus.Published, "freigegeben und veröffentlicht", null, now, actor);
        foreach (var question in ParentPaper!.Questions)
        {
            question.AnswerPaper = this;
        }
        ParentPaper.Move(PaperStatus.Published, "mit Stellungnahme veröffentlicht", null, now, actor);
        Snapshot("Freigabe", now, actor);
    }

    private PaperOffice OpenCoSigningOffice(Actor actor)
    {
        Require(Status == PaperStatus.InCoSigning, $"Die Stellungnahme ist nicht in der Mitzeichnung; sie ist {Status.ToGerman()}.");
        var office = Offices.FirstOrDefault(o => o.Role == OfficeRole.CoSigning && actor.ActsFor(o.OrganizationId));
        Require(actor.Role == RisRole.DepartmentClerk && office is not null, "Nur beteiligte Dienststellen zeichnen mit.");
        Require(office!.SignedOffAt is null, "Ihre Dienststelle hat bereits mitgezeichnet.");
        return office;
    }

    private void Move(PaperStatus to, string action, string? comment, DateTime now, Actor actor)
    {
        Transitions.Add(new PaperTransition { Paper = this, At = now, Actor = actor.Name, From = Status, To = to, Action = action, Comment = comment });
        Status = to;
    }

    private void Snapshot(string reason, DateTime now, Actor actor) =>
        Versions.Add(PaperVersion.Of(this, Versions.Count + 1, reason, now, actor.Name));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new WorkflowException(message);
        }
    }
}

/// <summary>A refused workflow step; the message is German and shown to the user as it is.</summary>
public sealed class WorkflowException(string message) : Exception(message);
