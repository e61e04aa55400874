using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class MeetingManagementTests
{
    private static readonly DateTime Now = Berlin.ToUtc(new DateTime(2018, 9, 10, 9, 0, 0));

    private static Meeting CouncilMeeting() => new() { Id = 7, Name = "Sitzung des Rates", Start = Berlin.ToUtc(new DateTime(2018, 9, 27, 15, 0, 0)), End = Berlin.ToUtc(new DateTime(2018, 9, 27, 18, 0, 0)) };

    private static Consultation Scheduled(string name, string reference, PaperKind kind, bool isPublic = true) =>
        new() { Paper = new Paper { Name = name, Reference = reference, Kind = kind, Public = isPublic }, Role = "Entscheidung" };

    private static readonly PaperKind Inquiry = new() { Name = "Anfrage", HasQuestions = true, FiledBy = PaperOriginator.Faction };
    private static readonly PaperKind Motion = new() { Name = "Antrag", FiledBy = PaperOriginator.Faction, RequestsAgendaItem = true };
    private static readonly PaperKind Proposal = new() { Name = "Beschlussvorlage", FiledBy = PaperOriginator.Administration };

    private static List<string> Numbered(Meeting meeting) => meeting.OrderedItems().Select(i => $"{i.Number} {i.Name}").ToList();

    [Fact]
    public void BuildAgenda_StandingItemsAndScheduledPapers_NumberedInPartsIAndII()
    {
        var meeting = CouncilMeeting();

        meeting.BuildAgenda(
        [
            Scheduled("Anfrage der Fraktion Hagen Aktiv", "0930/2018", Inquiry),
            Scheduled("Antrag der CDU-Fraktion", "0901/2018", Motion),
            Scheduled("Verkauf einer Teilfläche", "0899/2018", Proposal, isPublic: false),
            Scheduled("Haushaltssatzung 2019", "0800/2018", Proposal),
        ], council: true);

        Assert.Equal(
        [
            "I.1 Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit",
            "I.2 Einwohnerfragestunde",
            "I.3 Mitteilungen",
            "I.4 Anfragen",
            "I.4.1 Anfrage der Fraktion Hagen Aktiv",
            "I.5 Anträge",
            "I.5.1 Antrag der CDU-Fraktion",
            "I.6 Vorlagen der Verwaltung",
            "I.6.1 Haushaltssatzung 2019",
            "I.7 Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse",
            "II.1 Verkauf einer Teilfläche",
        ], Numbered(meeting));
        Assert.All(meeting.AgendaItems.Where(i => i.Consultation is not null), i => Assert.Same(i, i.Consultation!.AgendaItem));
        Assert.Throws<MeetingException>(() => meeting.BuildAgenda([], council: true));
    }

    [Fact]
    public void BuildAgenda_Committee_HasNoResidentsQuestionTime()
    {
        var meeting = CouncilMeeting();

        meeting.BuildAgenda([], council: false);

        Assert.DoesNotContain(meeting.AgendaItems, i => i.Name == Meeting.ResidentsQuestions);
    }

    [Fact]
    public void MoveItem_HeadingMovesWithItsPapers_ChildStaysUnderHeading()
    {
        var meeting = CouncilMeeting();
        meeting.BuildAgenda([Scheduled("Anfrage A", "1/2018", Inquiry), Scheduled("Anfrage B", "2/2018", Inquiry)], council: false);
        var inquiries = meeting.AgendaItems.Single(i => i.Name == Meeting.Inquiries);
        var b = meeting.AgendaItems.Single(i => i.Name == "Anfrage B");

        meeting.MoveItem(inquiries, -1);
        meeting.MoveItem(b, -1);

        Assert.Equal(["I.1 Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit", "I.2 Anfragen", "I.2.1 Anfrage B", "I.2.2 Anfrage A", "I.3 Mitteilungen", "I.4 Anträge", "I.5 Vorlagen der Verwaltung"], Numbered(meeting));
        var refused = Assert.Throws<MeetingException>(() => meeting.MoveItem(b, -1));
        Assert.Contains("innerhalb dieser Überschrift", refused.Message, StringComparison.Ordinal);
        Assert.Throws<MeetingException>(() => meeting.MoveItem(meeting.OrderedItems()[0], -1));
    }

    [Fact]
    public void PublishAgenda_ThenAddendum_KeepsEveryVersion()
    {
        var meeting = CouncilMeeting();
        meeting.BuildAgenda([], council: true);

        var first = meeting.PublishAgenda(Now);
        Assert.Throws<MeetingException>(() => meeting.PublishAgenda(Now.AddHours(1)));
        var late = meeting.AddItem("Bericht zur Digitalisierung", isPublic: true);
        var second = meeting.PublishAgenda(Now.AddDays(2));

        Assert.Equal("Tagesordnung", first.Title);
        Assert.Equal("1. Nachtrag zur Tagesordnung", second.Title);
        Assert.Equal(1, late.AddendumNumber);
        Assert.Equal("I.8", late.Number);
        Assert.DoesNotContain(first.Entries(), e => e.Name == "Bericht zur Digitalisierung");
        Assert.Contains(second.Entries(), e => e.Name == "Bericht zur Digitalisierung" && e.Addendum == 1);
    }

    [Fact]
    public void QueueUrgentDecision_OnNextCouncilMeeting_UnderApprovalHeading()
    {
        var held = CouncilMeeting();
        held.MeetingState = MeetingState.Held;
        var cancelled = new Meeting { Start = Now.AddDays(5), Cancelled = true };
        var next = CouncilMeeting();
        next.BuildAgenda([], council: true);

        var target = Meeting.NextCouncilMeeting([held, cancelled, next], Now);
        var item = target!.QueueUrgentDecision(Scheduled("Dringlichkeitsentscheidung Notunterkunft", "0950/2018", Proposal))!;

        Assert.Same(next, target);
        Assert.Equal("I.7.1", item.Number);
        Assert.Equal("I.7 Genehmigung von Dringlichkeitsentscheidungen (§ 60 GO NRW)", Numbered(next)[6]);
        Assert.Equal("Genehmigung", item.Consultation!.Role);
        Assert.EndsWith("Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse", Numbered(next)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void CancelAndMove_RequireReason_BumpSequence_ResetInvitation()
    {
        var meeting = CouncilMeeting();
        meeting.MeetingState = MeetingState.Invited;
        meeting.InvitedAt = Now;
        var newStart = meeting.Start!.Value.AddDays(7);

        Assert.Throws<MeetingException>(() => meeting.Move(newStart, " ", Now));
        meeting.Move(newStart, "Terminkollision mit der Landtagswahl", Now);

        Assert.Equal(newStart, meeting.Start);
        Assert.Equal(Berlin.ToUtc(new DateTime(2018, 9, 27, 15, 0, 0)), meeting.PreviousStart);
        Assert.Equal(newStart.AddHours(3), meeting.End);
        Assert.Equal(MeetingState.Scheduled, meeting.MeetingState);
        Assert.Equal(1, meeting.Sequence);

        meeting.Cancel("Beschlussunfähigkeit absehbar", Now);
        Assert.True(meeting.Cancelled);
        Assert.Equal(2, meeting.Sequence);
        Assert.Throws<MeetingException>(() => meeting.Cancel("nochmal", Now));
    }

    [Fact]
    public void Series_SecondThursday_SkipsHolidays()
    {
        var series = new MeetingSeries(DayOfWeek.Thursday, 2, new TimeOnly(15, 0));

        var (dates, skipped) = series.Dates(new DateOnly(2018, 1, 1), new DateOnly(2018, 6, 30));

        // 10.05.2018 is Christi Himmelfahrt.
        Assert.Equal([new DateOnly(2018, 1, 11), new DateOnly(2018, 2, 8), new DateOnly(2018, 3, 8), new DateOnly(2018, 4, 12), new DateOnly(2018, 6, 14)], dates);
        Assert.Equal([new DateOnly(2018, 5, 10)], skipped);
        Assert.Throws<MeetingException>(() => new MeetingSeries(DayOfWeek.Monday, 6, default).Dates(new DateOnly(2018, 1, 1), new DateOnly(2018, 2, 1)));
    }

    private static (AgendaItem Item, List<Attendance> Attendance) Voting()
    {
        var item = new AgendaItem { Name = "Antrag", Number = "I.5.1" };
        var attendance = new List<Attendance>
        {
            new() { PersonId = 1, Person = new Person { Name = "Anna A." }, Status = AttendanceStatus.Present },
            new() { PersonId = 2, Person = new Person { Name = "Bernd B." }, Status = AttendanceStatus.Present },
            new() { PersonId = 3, Person = new Person { Name = "Clara C." }, Status = AttendanceStatus.Present },
            new() { PersonId = 4, Person = new Person { Name = "Dieter D." }, Status = AttendanceStatus.Excused },
        };
        return (item, attendance);
    }

    [Fact]
    public void RecordResult_RollCall_CountsTallyAndKeepsCityWording()
    {
        var (item, attendance) = Voting();

        item.RecordResult(ResultKind.Adopted, "Ungeändert beschlossen", "Der Rat beschließt …", new VoteTally(2, 1, 0),
            [(1, VoteChoice.Yes), (2, VoteChoice.Yes), (3, VoteChoice.No)], attendance);

        Assert.Equal("Ungeändert beschlossen", item.Result);
        Assert.Equal(ResultKind.Adopted, item.ResultKind);
        Assert.Equal((2, 1, 0), (item.VotesYes!.Value, item.VotesNo!.Value, item.VotesAbstain!.Value));
        Assert.True(item.IsRollCall);
        Assert.Equal(3, item.RollCall.Count);
    }

    [Fact]
    public void RecordResult_RollCallNotMatchingTally_IsRefused()
    {
        var (item, attendance) = Voting();

        var refused = Assert.Throws<MeetingException>(() => item.RecordResult(ResultKind.Adopted, null, null, new VoteTally(3, 0, 0),
            [(1, VoteChoice.Yes), (2, VoteChoice.Yes), (3, VoteChoice.No)], attendance));

        Assert.StartsWith("Das Stimmergebnis (3 Ja, 0 Nein, 0 Enthaltungen) stimmt nicht", refused.Message, StringComparison.Ordinal);
        Assert.Null(item.Result);
    }

    [Fact]
    public void RecordResult_MemberWithConflictOrAbsent_CannotVote()
    {
        var (item, attendance) = Voting();
        item.RecordConflict(2, "Grundstücksnachbar");

        var conflict = Assert.Throws<MeetingException>(() => item.RecordResult(ResultKind.Adopted, null, null, null, [(2, VoteChoice.Yes)], attendance));
        var absent = Assert.Throws<MeetingException>(() => item.RecordResult(ResultKind.Adopted, null, null, null, [(4, VoteChoice.Yes)], attendance));

        Assert.Equal("Bernd B. unterliegt bei diesem Punkt dem Mitwirkungsverbot und darf nicht abstimmen.", conflict.Message);
        Assert.Equal("Dieter D. ist laut Anwesenheitsliste nicht anwesend und kann nicht abstimmen.", absent.Message);
    }

    [Fact]
    public void RecordResult_LeftEarlyBeforeItem_CannotVote_TallyAboveAttendanceRefused()
    {
        var (item, attendance) = Voting();
        item.Start = Berlin.ToUtc(new DateTime(2018, 9, 27, 17, 0, 0));
        attendance[0].LeftAt = Berlin.ToUtc(new DateTime(2018, 9, 27, 16, 30, 0));

        Assert.Throws<MeetingException>(() => item.RecordResult(ResultKind.Rejected, null, null, null, [(1, VoteChoice.No)], attendance));
        Assert.Throws<MeetingException>(() => item.RecordResult(ResultKind.Rejected, null, null, new VoteTally(2, 1, 0), null, attendance));
        item.RecordResult(ResultKind.Rejected, null, null, new VoteTally(0, 2, 0), null, attendance);
        Assert.Equal("abgelehnt", item.Result);
        Assert.False(item.IsRollCall);
    }

    [Fact]
    public void Attendance_Validate_TimesOnlyForPresentAndAfterStart()
    {
        var meeting = CouncilMeeting();
        var late = new Attendance { Status = AttendanceStatus.Present, ArrivedAt = meeting.Start!.Value.AddMinutes(20) };
        late.Validate(meeting);

        Assert.Throws<MeetingException>(() => new Attendance { Status = AttendanceStatus.Excused, ArrivedAt = meeting.Start }.Validate(meeting));
        Assert.Throws<MeetingException>(() => new Attendance { Status = AttendanceStatus.Present, ArrivedAt = meeting.Start!.Value.AddHours(1), LeftAt = meeting.Start }.Validate(meeting));
        Assert.False(late.IsPresentAt(meeting.Start));
        Assert.True(late.IsPresentAt(meeting.Start!.Value.AddHours(1)));
    }

    [Fact]
    public void Minutes_DraftSignPublish_ThenFrozen_CorrectionPointsBack()
    {
        var meeting = CouncilMeeting();
        meeting.BuildAgenda([], council: false);
        var (_, attendance) = Voting();
        meeting.OrderedItems()[1].RecordResult(ResultKind.Noted, null, null, null, null, attendance);
        meeting.AgendaItems.Add(new AgendaItem { Name = "Personalangelegenheit", Public = false, Result = "beschlossen" });
        meeting.Renumber();

        var minutes = Minutes.Draft(meeting, attendance);
        Assert.Contains("I.2 Mitteilungen\nErgebnis: zur Kenntnis genommen", minutes.PublicText, StringComparison.Ordinal);
        Assert.Contains("- Anna A.", minutes.PublicText, StringComparison.Ordinal);
        Assert.DoesNotContain("Personalangelegenheit", minutes.PublicText, StringComparison.Ordinal);
        Assert.Contains("II.1 Personalangelegenheit", minutes.NonPublicText, StringComparison.Ordinal);

        Assert.Throws<MeetingException>(() => minutes.Publish(Now));
        minutes.SignAsChair("Erik O. Schulz", Now);
        Assert.Equal(MinutesStatus.PartlySigned, minutes.Status);
        Assert.Throws<MeetingException>(() => minutes.Edit("geändert", null));
        Assert.Throws<MeetingException>(() => minutes.SignAsMinuteTaker("erik o. schulz", Now));
        minutes.SignAsMinuteTaker("Petra Schriftführerin", Now);
        minutes.Publish(Now);
        Assert.Equal(MinutesStatus.Published, minutes.Status);
        Assert.Throws<MeetingException>(() => minutes.SignAsChair("X", Now));

        var later = CouncilMeeting();
        later.Start = meeting.Start!.Value.AddDays(28);
        var resolvedAt = later.Start.Value.AddHours(2);
        Assert.Throws<MeetingException>(() => minutes.Correction(later, "noch nicht getagt", resolvedAt));
        later.MeetingState = MeetingState.Held;
        var correction = minutes.Correction(later, "Unter I.2 muss es heißen …", resolvedAt);
        Assert.Same(minutes, correction.Corrects);
        Assert.Equal(resolvedAt, correction.PublishedAt);
        Assert.StartsWith("Berichtigung der Niederschrift vom 27.09.2018", correction.PublicText, StringComparison.Ordinal);
        Assert.Throws<MeetingException>(() => minutes.Correction(meeting, "zu früh", resolvedAt));
        Assert.Throws<MeetingException>(() => minutes.Correction(later, " ", resolvedAt));
        Assert.Throws<MeetingException>(() => correction.Correction(later, "Berichtigung der Berichtigung", resolvedAt));
    }

    [Fact]
    public void QueueUrgentDecision_MeetingWithoutAgenda_PlacedWhenTheAgendaIsBuilt()
    {
        var next = CouncilMeeting();
        var consultation = Scheduled("Dringlichkeitsentscheidung: Notunterkunft", "0950/2018", Proposal);

        Assert.Null(next.QueueUrgentDecision(consultation));
        Assert.Equal(Paper.ApprovalRole, consultation.Role);
        Assert.Same(next, consultation.Meeting);
        next.BuildAgenda([consultation], council: true);

        Assert.Equal("I.7.1 Dringlichkeitsentscheidung: Notunterkunft – Genehmigung", Numbered(next).Single(n => n.Contains("Notunterkunft", StringComparison.Ordinal)));
        Assert.Equal("I.7 Genehmigung von Dringlichkeitsentscheidungen (§ 60 GO NRW)", Numbered(next)[6]);
    }

    [Fact]
    public void RecordUrgentDecision_MayorAndOneMember_RegisteredUntilPublishedWithTheAgenda()
    {
        var kind = new PaperKind { Id = 9, Key = "urgent-decision", Name = "Dringlichkeitsentscheidung", FiledBy = PaperOriginator.Administration };
        var office = new Actor("Ratsbüro", RisRole.CouncilOffice, null);
        var day = new DateOnly(2018, 9, 7);

        Assert.Throws<WorkflowException>(() => Paper.RecordUrgentDecision(kind, 1, "Notunterkunft", "Text", day, "Erik O. Schulz", " ", Now, office));
        Assert.Throws<WorkflowException>(() => Paper.RecordUrgentDecision(kind, 1, "Notunterkunft", "Text", day, "Erik O. Schulz", "erik o. schulz", Now, office));
        Assert.Throws<WorkflowException>(() => Paper.RecordUrgentDecision(kind, 1, "Notunterkunft", "Text", new DateOnly(2018, 9, 11), "Erik O. Schulz", "Jan Krüger", Now, office));
        Assert.Throws<WorkflowException>(() => Paper.RecordUrgentDecision(kind, 1, "Notunterkunft", "Text", day, "Erik O. Schulz", "Jan Krüger", Now, office with { Role = RisRole.FactionOffice }));

        var paper = Paper.RecordUrgentDecision(kind, 1, " Notunterkunft ", "Die Stadt mietet die Halle an.", day, "Erik O. Schulz", "Jan Krüger", Now, office);
        Assert.Equal("Dringlichkeitsentscheidung: Notunterkunft", paper.Name);
        Assert.Equal(PaperStatus.Registered, paper.Status);
        Assert.False(paper.IsPubliclyVisible);
        Assert.Equal(["Erik O. Schulz", "Jan Krüger"], paper.Signatures.Select(s => s.Name));

        paper.PublishForApproval(Now, office);
        Assert.True(paper.IsPubliclyVisible);
        Assert.Throws<WorkflowException>(() => paper.PublishForApproval(Now, office));
    }

    [Fact]
    public void ParseStandingItems_TrimsDropsBlanks_RefusesEmptyAndDuplicates()
    {
        Assert.Equal(["Eröffnung", "Einwohnerfragestunde", "Anfragen"], Meeting.ParseStandingItems(" Eröffnung \r\n\nEinwohnerfragestunde\nAnfragen\n"));
        Assert.Throws<MeetingException>(() => Meeting.ParseStandingItems(" \n "));
        Assert.Throws<MeetingException>(() => Meeting.ParseStandingItems("Anfragen\nanfragen"));

        var committee = new Organization { Classification = "Ausschuss" };
        Assert.Equal(Meeting.StandingItems(council: false), committee.StandingItems());
        committee.StandingAgendaItems = ["Eröffnung", "Aktuelle Stunde", "Anfragen"];
        var meeting = CouncilMeeting();
        meeting.BuildAgenda([Scheduled("Anfrage A", "1/2018", Inquiry)], committee.StandingItems());
        Assert.Equal(["I.1 Eröffnung", "I.2 Aktuelle Stunde", "I.3 Anfragen", "I.3.1 Anfrage A"], Numbered(meeting));
    }
}
