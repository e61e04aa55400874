using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

/// <summary>Commitment rules without a database: reports due at every meeting of a body, and fulfilment by a later paper.</summary>
public sealed class CommitmentTests
{
    private const long Habit = 40, Council = 41;
    private static readonly Actor Clerk = new("Amt 11", RisRole.DepartmentClerk, 11);

    private static Paper Statement(PaperStatus status = PaperStatus.Published) =>
        new() { Id = 2, ParentPaperId = 1, Status = status, Public = true, Date = new DateOnly(2018, 9, 26) };

    private static Commitment Recurring(Paper? statement = null)
    {
        var paper = statement ?? Statement();
        return new Commitment { Id = 1, PaperId = paper.Id, Paper = paper, RecurringOrganizationId = Habit, Text = "Die Verwaltung berichtet in jeder Sitzung des Betriebsausschusses HABIT." };
    }

    private static Meeting MeetingOf(long id, long organization, int year, int month, int day, bool cancelled = false)
    {
        var meeting = new Meeting { Id = id, Start = new DateTime(year, month, day, 14, 0, 0, DateTimeKind.Utc), Cancelled = cancelled };
        meeting.Organizations.Add(new MeetingOrganization { MeetingId = id, OrganizationId = organization });
        return meeting;
    }

    private static readonly Meeting September20 = MeetingOf(1, Habit, 2018, 9, 20);
    private static readonly Meeting November15 = MeetingOf(2, Habit, 2018, 11, 15);
    private static readonly Meeting December6Cancelled = MeetingOf(3, Habit, 2018, 12, 6, cancelled: true);
    private static readonly Meeting February14 = MeetingOf(4, Habit, 2019, 2, 14);
    private static readonly Meeting[] HabitMeetings = [September20, November15, December6Cancelled, February14];

    private static DateTime At(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);
    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(at);

    [Fact]
    public void Recurring_OnlyMeetingsHeldAfterTheAnswerWithoutReport_AreMissed()
    {
        var commitment = Recurring();

        // Before the next meeting: the 20.09. was before the answer of 26.09., so nothing is missed yet.
        Assert.Empty(commitment.MissedMeetings(HabitMeetings, At(2018, 11, 1)));
        Assert.False(commitment.IsOverdue(Day(At(2018, 11, 1)), HabitMeetings, At(2018, 11, 1)));
        Assert.Same(November15, commitment.NextDueMeeting(HabitMeetings, At(2018, 11, 1)));

        // After 15.11. without a report it is overdue; the cancelled 06.12. is never due.
        var january = At(2019, 1, 10);
        Assert.Equal([November15], commitment.MissedMeetings(HabitMeetings, january));
        Assert.True(commitment.IsOverdue(Day(january), HabitMeetings, january));
        Assert.Same(February14, commitment.NextDueMeeting(HabitMeetings, january));
    }

    [Fact]
    public void RecordReport_ForTheMissedMeeting_EndsTheOverdue_UntilTheNextMeetingPasses()
    {
        var commitment = Recurring();
        var report = commitment.RecordReport(November15, null, At(2019, 1, 10), Clerk);

        Assert.Equal((November15.Id, "Amt 11"), (report.MeetingId, report.RecordedBy));
        Assert.False(commitment.IsOverdue(Day(At(2019, 1, 10)), HabitMeetings, At(2019, 1, 10)));
        Assert.Equal([February14], commitment.MissedMeetings(HabitMeetings, At(2019, 3, 1)));
        Assert.True(commitment.IsOverdue(Day(At(2019, 3, 1)), HabitMeetings, At(2019, 3, 1)));
    }

    [Fact]
    public void Recurring_BeforeTheAnswerIsReleased_NothingIsDue()
    {
        var commitment = Recurring(Statement(PaperStatus.AwaitingRelease));

        Assert.Empty(commitment.MissedMeetings(HabitMeetings, At(2019, 3, 1)));
        Assert.False(commitment.IsOverdue(Day(At(2019, 3, 1)), HabitMeetings, At(2019, 3, 1)));
    }

    [Fact]
    public void Dated_IsOverdueTheDayAfterItsDueDate_WhateverTheMeetings()
    {
        var commitment = new Commitment { Paper = Statement(), DueDate = new DateOnly(2019, 6, 30) };

        Assert.False(commitment.IsOverdue(new DateOnly(2019, 6, 30), HabitMeetings, At(2019, 6, 30)));
        Assert.True(commitment.IsOverdue(new DateOnly(2019, 7, 1), [], At(2019, 7, 1)));
        Assert.Empty(commitment.MissedMeetings(HabitMeetings, At(2019, 7, 1)));
    }

    [Fact]
    public void RecordReport_Refusals()
    {
        var published = new Paper { Id = 9, Status = PaperStatus.Published };
        var draft = new Paper { Id = 10, Status = PaperStatus.Draft };
        var refusals = new (string Case, Action<Commitment> Step)[]
        {
            ("not recurring", c => { c.RecurringOrganizationId = null; c.RecordReport(November15, null, At(2019, 1, 1), Clerk); }),
            ("another body's meeting", c => c.RecordReport(MeetingOf(7, Council, 2018, 11, 8), null, At(2019, 1, 1), Clerk)),
            ("cancelled meeting", c => c.RecordReport(December6Cancelled, null, At(2019, 1, 1), Clerk)),
            ("unpublished paper", c => c.RecordReport(November15, draft, At(2019, 1, 1), Clerk)),
            ("twice", c => { c.RecordReport(November15, published, At(2019, 1, 1), Clerk); c.RecordReport(November15, null, At(2019, 1, 2), Clerk); }),
            ("fulfilled", c => { c.Status = CommitmentStatus.Fulfilled; c.RecordReport(November15, null, At(2019, 1, 1), Clerk); }),
        };
        foreach (var (name, step) in refusals)
        {
            var commitment = Recurring();
            Assert.True(Assert.Throws<WorkflowException>(() => step(commitment)).Message.Length > 0, name);
            Assert.True(commitment.Reports.Count == (name == "twice" ? 1 : 0), name);
        }
    }

    [Fact]
    public void Fulfil_ByALaterPublishedPaper_AndOnlyOnce()
    {
        var commitment = new Commitment { PaperId = 2, Paper = Statement(), DueDate = new DateOnly(2019, 6, 30) };
        var strategy = new Paper { Id = 30, Reference = "0512/2019", Status = PaperStatus.Published };

        Assert.Throws<WorkflowException>(() => commitment.Fulfil(new Paper { Id = 31, Status = PaperStatus.Registered }));
        Assert.Throws<WorkflowException>(() => commitment.Fulfil(new Paper { Id = 2, Status = PaperStatus.Published }));
        Assert.Throws<WorkflowException>(() => commitment.Fulfil(new Paper { Id = 1, Status = PaperStatus.Published }));
        Assert.Equal(CommitmentStatus.Open, commitment.Status);

        commitment.Fulfil(strategy);

        Assert.Equal((CommitmentStatus.Fulfilled, 30L), (commitment.Status, commitment.FulfilledByPaperId));
        Assert.False(commitment.IsOverdue(new DateOnly(2019, 7, 1)));
        Assert.Throws<WorkflowException>(() => commitment.Fulfil(new Paper { Id = 32, Status = PaperStatus.Published }));
    }
}
