using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Meetings;

/// <summary>
/// What the public sees of a held meeting besides the agenda: attendance, vote tallies and roll
/// calls of public items, the published minutes, and a move or cancellation with its reason.
/// Non-public items and the non-public part of the minutes are never loaded here.
/// </summary>
public sealed record MeetingRecord(
    bool NoticePublished,
    string? ChangeReason,
    DateTime? PreviousStart,
    List<MeetingRecord.Attendee> Attendance,
    Dictionary<long, MeetingRecord.Vote> Votes,
    MeetingRecord.PublishedMinutes? Minutes,
    List<MeetingRecord.Correction> CorrectedBy,
    List<MeetingRecord.Correction> Corrects)
{
    /// <summary>A correction of minutes (§ 52 GO NRW): the other meeting, its date, and the corrected text.</summary>
    public sealed record Correction(long MeetingId, DateTime? MeetingStart, string Text, DateTime ResolvedAt);

    public sealed record Attendee(string Name, AttendanceStatus Status, DateTime? ArrivedAt, DateTime? LeftAt);

    public sealed record Vote(int? Yes, int? No, int? Abstain, List<(string Name, VoteChoice Choice)> RollCall, List<string> Conflicts);

    public sealed record PublishedMinutes(string Text, string? Chair, string? MinuteTaker, DateTime PublishedAt);

    public static async Task<MeetingRecord> LoadAsync(RisDbContext db, long meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.InvitedAt, m.ChangeReason, m.PreviousStart }).SingleAsync(cancellationToken);
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Person.FamilyName ?? a.Person.Name)
            .Select(a => new Attendee(a.Person.Name, a.Status, a.ArrivedAt, a.LeftAt)).ToListAsync(cancellationToken);
        var items = await db.AgendaItems.AsNoTracking().PubliclyListed().Where(i => i.MeetingId == meetingId && (i.VotesYes != null || i.Conflicts.Any()))
            .Select(i => new
            {
                i.Id,
                i.VotesYes,
                i.VotesNo,
                i.VotesAbstain,
                RollCall = i.RollCall.OrderBy(v => v.Person.FamilyName ?? v.Person.Name).Select(v => new { v.Person.Name, v.Choice }).ToList(),
                Conflicts = i.Conflicts.Select(c => c.Person.Name).ToList(),
            }).ToListAsync(cancellationToken);
        var minutes = await db.Minutes.AsNoTracking().Where(m => m.MeetingId == meetingId && m.PublishedAt != null && m.CorrectsId == null).OrderBy(m => m.Id)
            .Select(m => new PublishedMinutes(m.PublicText, m.ChairName, m.MinuteTakerName, m.PublishedAt!.Value)).FirstOrDefaultAsync(cancellationToken);
        // Only corrections resolved in a public meeting; a correction is published when it is recorded.
        var correctedBy = await db.Minutes.AsNoTracking()
            .Where(m => m.Corrects != null && m.Corrects.MeetingId == meetingId && m.PublishedAt != null && m.Meeting.Public && !m.Meeting.Deleted)
            .OrderBy(m => m.Id).Select(m => new Correction(m.MeetingId, m.Meeting.Start, m.PublicText, m.PublishedAt!.Value)).ToListAsync(cancellationToken);
        var corrects = await db.Minutes.AsNoTracking()
            .Where(m => m.MeetingId == meetingId && m.Corrects != null && m.PublishedAt != null && m.Corrects.Meeting.Public && !m.Corrects.Meeting.Deleted)
            .OrderBy(m => m.Id).Select(m => new Correction(m.Corrects!.MeetingId, m.Corrects.Meeting.Start, m.PublicText, m.PublishedAt!.Value)).ToListAsync(cancellationToken);
        return new MeetingRecord(meeting.InvitedAt is not null, meeting.ChangeReason, meeting.PreviousStart, attendance,
            items.ToDictionary(i => i.Id, i => new Vote(i.VotesYes, i.VotesNo, i.VotesAbstain, i.RollCall.Select(v => (v.Name, v.Choice)).ToList(), i.Conflicts)),
            minutes, correctedBy, corrects);
    }
}
