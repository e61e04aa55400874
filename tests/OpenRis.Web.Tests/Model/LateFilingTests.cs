using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

/// <summary>The council office's decision on a paper received after the filing deadline, without a database.</summary>
public sealed class LateFilingTests
{
    private static readonly DateTime Received = new(2018, 9, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Actor CouncilOffice = new("Ratsbüro", RisRole.CouncilOffice, null);
    private static readonly Actor FactionOffice = new("Karin Nigbur-Martini", RisRole.FactionOffice, 1);
    private static readonly PaperKind Inquiry = new() { Id = 1, Key = "inquiry", Name = "Anfrage nach § 5 GeschO", HasQuestions = true };
    private static readonly DeadlineCheck Late = new(false, new DateTimeOffset(2018, 9, 18, 23, 59, 59, TimeSpan.FromHours(2)), "Verspätet eingegangen.");
    private static readonly DeadlineCheck OnTime = Late with { OnTime = true };

    private static readonly Meeting Council = new() { Id = 7, Name = "Rat", Start = new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc) };
    private static readonly Meeting NextCouncil = new() { Id = 8, Name = "Rat", Start = new DateTime(2018, 11, 8, 14, 0, 0, DateTimeKind.Utc) };

    private static Paper Submitted()
    {
        var paper = new Paper { Id = 5, Kind = Inquiry, PaperKindId = 1, Name = "Anfrage", Subject = "Radwege", TargetMeeting = Council, TargetMeetingId = Council.Id, OwnerOrganizationId = 1 };
        paper.Questions.Add(new Question { Number = 1, Text = "Wann?" });
        paper.Signatures.Add(new Signature { Name = "Dr. Josef Bücker" });
        paper.Submit([], Received, FactionOffice);
        return paper;
    }

    [Fact]
    public void Register_LateWithoutDecision_IsRefusedAndNothingChanges()
    {
        var paper = Submitted();

        var refused = Assert.Throws<WorkflowException>(() => paper.Register("0931/2018", 11, null, [], Late, Received, CouncilOffice));

        Assert.Contains("nach Fristablauf", refused.Message, StringComparison.Ordinal);
        Assert.Null(paper.Reference);
        Assert.Equal(PaperStatus.Submitted, paper.Status);
    }

    [Fact]
    public void AdmitAsUrgent_RecordsReasonThenRegisters()
    {
        var paper = Submitted();

        paper.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, " Haushaltssperre droht ", Late, null, Received, CouncilOffice);
        paper.Register("0931/2018", 11, null, [], Late, Received, CouncilOffice);

        Assert.Equal(LateFilingDecision.AdmittedAsUrgent, paper.LateDecision);
        Assert.Equal("Haushaltssperre droht", paper.LateDecisionReason);
        Assert.Equal(Council.Id, paper.TargetMeetingId);
        var decided = paper.Transitions.Single(t => t.Action == "als dringlich zugelassen");
        Assert.Equal(("Ratsbüro", PaperStatus.Submitted, PaperStatus.Submitted, "Haushaltssperre droht"), (decided.Actor, decided.From, decided.To, decided.Comment));
        Assert.Equal(PaperStatus.Registered, paper.Status);
    }

    [Fact]
    public void MoveToNextMeeting_ChangesTheTargetMeetingAndLogsIt()
    {
        var paper = Submitted();

        paper.DecideLateFiling(LateFilingDecision.MovedToNextMeeting, "Frist versäumt", Late, NextCouncil, Received, CouncilOffice);

        Assert.Same(NextCouncil, paper.TargetMeeting);
        Assert.Equal(NextCouncil.Id, paper.TargetMeetingId);
        var moved = paper.Transitions.Single(t => t.Action == "auf die nächste Sitzung verschoben");
        Assert.Equal("auf die Sitzung am 08.11.2018: Frist versäumt", moved.Comment);
        paper.Register("0931/2018", 11, null, [], Late, Received, CouncilOffice);
        Assert.Equal("0931/2018", paper.Reference);
    }

    [Fact]
    public void DecideLateFiling_RefusesWhatIsNotTheCouncilOfficesCall()
    {
        var refusals = new (string Case, Action<Paper> Step)[]
        {
            ("wrong role", p => p.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, "x", Late, null, Received, FactionOffice)),
            ("on time", p => p.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, "x", OnTime, null, Received, CouncilOffice)),
            ("no rule", p => p.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, "x", null, null, Received, CouncilOffice)),
            ("no reason", p => p.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, "  ", Late, null, Received, CouncilOffice)),
            ("no next meeting", p => p.DecideLateFiling(LateFilingDecision.MovedToNextMeeting, "x", Late, null, Received, CouncilOffice)),
            ("earlier meeting", p => p.DecideLateFiling(LateFilingDecision.MovedToNextMeeting, "x", Late, new Meeting { Id = 3, Start = Council.Start!.Value.AddDays(-7) }, Received, CouncilOffice)),
            ("cancelled meeting", p => p.DecideLateFiling(LateFilingDecision.MovedToNextMeeting, "x", Late, new Meeting { Id = 4, Start = NextCouncil.Start, Cancelled = true }, Received, CouncilOffice)),
            ("twice", p =>
            {
                p.DecideLateFiling(LateFilingDecision.AdmittedAsUrgent, "x", Late, null, Received, CouncilOffice);
                p.DecideLateFiling(LateFilingDecision.MovedToNextMeeting, "y", Late, NextCouncil, Received, CouncilOffice);
            }),
        };
        foreach (var (name, step) in refusals)
        {
            var paper = Submitted();
            var transitions = name == "twice" ? 2 : 1;
            Assert.True(Assert.Throws<WorkflowException>(() => step(paper)).Message.Length > 0, name);
            Assert.Equal(transitions, paper.Transitions.Count);
            Assert.Equal(Council.Id, paper.TargetMeetingId);
        }
    }

    [Fact]
    public void Register_OnTimeOrWithoutRule_NeedsNoDecision()
    {
        var onTime = Submitted();
        onTime.Register("0931/2018", 11, null, [], OnTime, Received, CouncilOffice);
        var noRule = Submitted();
        noRule.Register("0932/2018", 11, null, [], null, Received, CouncilOffice);

        Assert.Null(onTime.LateDecision);
        Assert.Equal(PaperStatus.Registered, noRule.Status);
    }
}
