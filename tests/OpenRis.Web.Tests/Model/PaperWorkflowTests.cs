using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

/// <summary>The workflow rules on Paper, without a database: every transition and every refusal.</summary>
public sealed class PaperWorkflowTests
{
    private const long Faction = 1, OtherFaction = 2, Office11 = 11, Habit = 12;
    private static readonly DateTime Now = new(2018, 9, 14, 9, 30, 0, DateTimeKind.Utc);

    private static readonly Actor FactionOffice = new("Karin Nigbur-Martini", RisRole.FactionOffice, Faction);
    private static readonly Actor OtherFactionOffice = new("CDU", RisRole.FactionOffice, OtherFaction);
    private static readonly Actor CouncilOffice = new("Ratsbüro", RisRole.CouncilOffice, null);
    private static readonly Actor Clerk11 = new("Amt 11", RisRole.DepartmentClerk, Office11);
    private static readonly Actor ClerkHabit = new("HABIT", RisRole.DepartmentClerk, Habit);
    private static readonly Actor Mayor = new("Erik O. Schulz", RisRole.Approver, 99, "Oberbürgermeister");
    private static readonly Actor Member = new("Ratsmitglied", RisRole.CouncilMember, Faction);
    private static readonly Actor Admin = new("Admin", RisRole.Administrator, null);

    private static readonly PaperKind Inquiry = new() { Id = 1, Key = "inquiry", Name = "Anfrage nach § 5 GeschO", Abbreviation = "Anfrage", HasQuestions = true };
    private static readonly PaperKind Motion = new() { Id = 2, Key = "motion", Name = "Antrag" };
    private static readonly PaperKind StatementKind = new() { Id = 3, Key = "statement", Name = "Stellungnahme der Verwaltung", AnswersQuestions = true };
    private static readonly ImpactCheck Inclusion = new() { Id = 1, Title = "Inklusion", Options = ["sind nicht betroffen", "sind betroffen"], OptionsRequiringExplanation = ["sind betroffen"] };

    private static Paper Draft()
    {
        var paper = new Paper { Id = 5, Kind = Inquiry, PaperKindId = Inquiry.Id, Name = "Anfrage", Subject = "E-Government", TargetMeetingId = 7, OwnerOrganizationId = Faction };
        paper.Questions.Add(new Question { Number = 1, Text = "Gibt es eine Strategie?" });
        paper.Signatures.Add(new Signature { Name = "Dr. Josef Bücker" });
        return paper;
    }

    private static Paper Registered(bool coSigning = true)
    {
        var paper = Draft();
        paper.Submit([], Now, FactionOffice);
        paper.Register("0930/2018", Office11, new DateOnly(2018, 9, 26), coSigning ? [Habit] : [], null, Now, CouncilOffice);
        return paper;
    }

    private static Paper AnsweredStatement(bool coSigning = true)
    {
        var inquiry = Registered(coSigning);
        var statement = Paper.DraftStatement(inquiry, StatementKind, Now, Clerk11);
        inquiry.Questions[0].Answer = "Ja.";
        return statement;
    }

    [Fact]
    public void Submit_CompleteDraft_StampsReceiptFreezesAndRecords()
    {
        var paper = Draft();

        paper.Submit([], Now, FactionOffice);

        Assert.Equal(PaperStatus.Submitted, paper.Status);
        Assert.Equal(Now, paper.ReceivedAt);
        Assert.Equal(new DateOnly(2018, 9, 14), paper.Date);
        Assert.False(paper.CanEdit(FactionOffice));
        var step = Assert.Single(paper.Transitions);
        Assert.Equal((PaperStatus.Draft, PaperStatus.Submitted, "Karin Nigbur-Martini", Now), (step.From, step.To, step.Actor, step.At));
        Assert.Equal("Gibt es eine Strategie?", Assert.Single(paper.Versions).Read().Questions.Single().Text);
    }

    public static TheoryData<string, string> IncompleteDrafts => new()
    {
        { "subject", "Betreff" },
        { "meeting", "Sitzung" },
        { "questions", "mindestens eine Frage" },
        { "signature", "unterzeichnende Person" },
        { "explanation", "erläutern" },
    };

    [Theory]
    [MemberData(nameof(IncompleteDrafts))]
    public void Submit_IncompleteDraft_IsRefusedAndStaysDraft(string missing, string message)
    {
        var paper = Draft();
        switch (missing)
        {
            case "subject": paper.Subject = " "; break;
            case "meeting": paper.TargetMeetingId = null; break;
            case "questions": paper.Questions.Clear(); break;
            case "signature": paper.Signatures.Clear(); break;
            case "explanation": paper.ImpactAssessments.Add(new ImpactAssessment { ImpactCheck = Inclusion, ImpactCheckId = 1, Option = "sind betroffen" }); break;
        }

        var e = Assert.Throws<WorkflowException>(() => paper.Submit([], Now, FactionOffice));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(PaperStatus.Draft, paper.Status);
        Assert.Null(paper.ReceivedAt);
    }

    [Fact]
    public void Submit_RequiredCheckUnanswered_IsRefused() =>
        Assert.Contains("Inklusion", Assert.Throws<WorkflowException>(() => Draft().Submit([Inclusion], Now, FactionOffice)).Message, StringComparison.Ordinal);

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var paper = Draft();
        paper.Submit([], Now, FactionOffice);
        Assert.Contains("bereits eingereicht", Assert.Throws<WorkflowException>(() => paper.Submit([], Now, FactionOffice)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_ByAnotherFactionOrRole_IsRefused()
    {
        foreach (var actor in new[] { OtherFactionOffice, CouncilOffice, Clerk11, Mayor, Member, Admin })
        {
            Assert.Throws<WorkflowException>(() => Draft().Submit([], Now, actor));
        }
    }

    [Fact]
    public void Register_Submitted_NumbersAndRoutes()
    {
        var paper = Registered();

        Assert.Equal(PaperStatus.Registered, paper.Status);
        Assert.Equal("0930/2018", paper.Reference);
        Assert.Equal([(Office11, OfficeRole.Lead), (Habit, OfficeRole.CoSigning)], paper.Offices.Select(o => (o.OrganizationId, o.Role)));
        Assert.Equal("Drucksachennummer 0930/2018", paper.Transitions.Last().Comment);
    }

    [Fact]
    public void Register_RefusedForDraftsOtherRolesAndAgain()
    {
        Assert.Throws<WorkflowException>(() => Draft().Register("1/2018", Office11, null, [], null, Now, CouncilOffice));
        var submitted = Draft();
        submitted.Submit([], Now, FactionOffice);
        Assert.Throws<WorkflowException>(() => submitted.Register("1/2018", Office11, null, [], null, Now, Clerk11));
        Assert.Throws<WorkflowException>(() => submitted.Register(" ", Office11, null, [], null, Now, CouncilOffice));
        var registered = Registered();
        Assert.Throws<WorkflowException>(() => registered.Register("0931/2018", Office11, null, [], null, Now, CouncilOffice));
        Assert.Equal("0930/2018", registered.Reference);
    }

    [Fact]
    public void Reclassify_WithReason_ChangesKindAndKeepsAVersion()
    {
        var paper = Registered();

        paper.Reclassify(Motion, "Enthält einen Beschlussvorschlag", Now, CouncilOffice);

        Assert.Same(Motion, paper.Kind);
        Assert.Contains("Anfrage nach § 5 GeschO → Antrag: Enthält einen Beschlussvorschlag", paper.Transitions.Last().Comment, StringComparison.Ordinal);
        Assert.Equal(["Einreichung", "Umstufung: Enthält einen Beschlussvorschlag"], paper.Versions.Select(v => v.Reason));
    }

    [Fact]
    public void Reclassify_WithoutReasonOrByFaction_IsRefused()
    {
        Assert.Contains("begründen", Assert.Throws<WorkflowException>(() => Registered().Reclassify(Motion, "", Now, CouncilOffice)).Message, StringComparison.Ordinal);
        Assert.Throws<WorkflowException>(() => Registered().Reclassify(Motion, "weil", Now, FactionOffice));
        Assert.Throws<WorkflowException>(() => Draft().Reclassify(Motion, "weil", Now, CouncilOffice));
    }

    [Fact]
    public void DraftStatement_ByLeadClerk_CopiesOfficesAndOwner()
    {
        var inquiry = Registered();

        var statement = Paper.DraftStatement(inquiry, StatementKind, Now, Clerk11);

        Assert.Equal(Office11, statement.OwnerOrganizationId);
        Assert.Same(inquiry, statement.ParentPaper);
        Assert.Equal(2, statement.Offices.Count);
        Assert.True(statement.CanEdit(Clerk11));
        Assert.False(statement.CanEdit(ClerkHabit));
    }

    [Fact]
    public void DraftStatement_ByOtherOfficeOrBeforeRegistering_OrTwice_IsRefused()
    {
        Assert.Throws<WorkflowException>(() => Paper.DraftStatement(Registered(), StatementKind, Now, ClerkHabit));
        var submitted = Draft();
        submitted.Submit([], Now, FactionOffice);
        Assert.Throws<WorkflowException>(() => Paper.DraftStatement(submitted, StatementKind, Now, Clerk11));
        var inquiry = Registered();
        Paper.DraftStatement(inquiry, StatementKind, Now, Clerk11);
        Assert.Throws<WorkflowException>(() => Paper.DraftStatement(inquiry, StatementKind, Now, Clerk11));
    }

    [Fact]
    public void SubmitForSignOff_WithOpenQuestion_IsRefused()
    {
        var statement = Paper.DraftStatement(Registered(), StatementKind, Now, Clerk11);
        Assert.Contains("Frage 1", Assert.Throws<WorkflowException>(() => statement.SubmitForSignOff(Now, Clerk11)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignOff_ThenRelease_PublishesStatementAndInquiry()
    {
        var statement = AnsweredStatement();

        statement.SubmitForSignOff(Now, Clerk11);
        Assert.Equal(PaperStatus.InCoSigning, statement.Status);
        Assert.Throws<WorkflowException>(() => statement.Release(Now, Mayor));
        statement.SignOff(Now, ClerkHabit);
        Assert.Equal(PaperStatus.AwaitingRelease, statement.Status);
        statement.Release(Now.AddDays(12), Mayor);

        Assert.Equal(PaperStatus.Published, statement.Status);
        Assert.Equal(PaperStatus.Published, statement.ParentPaper!.Status);
        Assert.True(statement.IsPubliclyVisible && statement.ParentPaper.IsPubliclyVisible);
        var signature = Assert.Single(statement.Signatures);
        Assert.Equal(("gez.", "Erik O. Schulz", "Oberbürgermeister"), (signature.Formula, signature.Name, signature.Function));
        Assert.Same(statement, statement.ParentPaper.Questions[0].AnswerPaper);
        Assert.Equal(new DateOnly(2018, 9, 26), statement.Date);
    }

    [Fact]
    public void SubmitForSignOff_WithoutCoSigningOffices_GoesStraightToRelease()
    {
        var statement = AnsweredStatement(coSigning: false);
        statement.SubmitForSignOff(Now, Clerk11);
        Assert.Equal(PaperStatus.AwaitingRelease, statement.Status);
    }

    [Fact]
    public void SignOff_ByLeadOrTwiceOrOutsideSignOff_IsRefused()
    {
        var statement = AnsweredStatement();
        Assert.Throws<WorkflowException>(() => statement.SignOff(Now, ClerkHabit));
        statement.SubmitForSignOff(Now, Clerk11);
        Assert.Throws<WorkflowException>(() => statement.SignOff(Now, Clerk11));
        Assert.Throws<WorkflowException>(() => statement.SignOff(Now, Mayor));
        statement.SignOff(Now, ClerkHabit);
        Assert.Throws<WorkflowException>(() => statement.SignOff(Now, ClerkHabit));
    }

    [Fact]
    public void SendBack_WithComment_ReturnsToLeadOffice_AndIsRecorded()
    {
        var statement = AnsweredStatement();
        statement.SubmitForSignOff(Now, Clerk11);
        Assert.Contains("was geändert", Assert.Throws<WorkflowException>(() => statement.SendBack(" ", Now, ClerkHabit)).Message, StringComparison.Ordinal);

        statement.SendBack("Bitte Vorlage 0853/2018 zitieren.", Now, ClerkHabit);

        Assert.Equal(PaperStatus.Draft, statement.Status);
        var step = statement.Transitions.Last();
        Assert.Equal((PaperStatus.InCoSigning, PaperStatus.Draft, "HABIT", "Bitte Vorlage 0853/2018 zitieren."), (step.From, step.To, step.Actor, step.Comment));
        Assert.True(statement.CanEdit(Clerk11));
    }

    [Fact]
    public void Release_ByNonApprover_IsRefused()
    {
        var statement = AnsweredStatement(coSigning: false);
        statement.SubmitForSignOff(Now, Clerk11);
        foreach (var actor in new[] { FactionOffice, CouncilOffice, Clerk11, Member, Admin })
        {
            Assert.Throws<WorkflowException>(() => statement.Release(Now, actor));
        }
        Assert.Equal(PaperStatus.AwaitingRelease, statement.Status);
    }

    [Fact]
    public void Approver_MaySendBack()
    {
        var statement = AnsweredStatement(coSigning: false);
        statement.SubmitForSignOff(Now, Clerk11);
        statement.SendBack("Antwort 2 kürzen.", Now, Mayor);
        Assert.Equal(PaperStatus.Draft, statement.Status);
    }

    [Fact]
    public void Draft_IsVisibleToItsFactionOnly()
    {
        var draft = Draft();
        Assert.True(draft.IsVisibleTo(FactionOffice));
        Assert.True(draft.IsVisibleTo(Member));
        foreach (var actor in new Actor?[] { null, OtherFactionOffice, CouncilOffice, Clerk11, Mayor, Admin })
        {
            Assert.False(draft.IsVisibleTo(actor));
        }
    }

    [Fact]
    public void StatementDraft_IsVisibleToLeadOfficeOnly_UntilHandedOn()
    {
        var statement = AnsweredStatement();
        Assert.True(statement.IsVisibleTo(Clerk11));
        Assert.False(statement.IsVisibleTo(ClerkHabit));
        Assert.False(statement.IsVisibleTo(FactionOffice));
        statement.SubmitForSignOff(Now, Clerk11);
        Assert.True(statement.IsVisibleTo(ClerkHabit));
        Assert.False(statement.IsVisibleTo(null));
    }
}
