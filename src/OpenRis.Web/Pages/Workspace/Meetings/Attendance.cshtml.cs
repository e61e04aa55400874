using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>The attendance list: present, excused or absent, with the time of a late arrival or an early departure.</summary>
public sealed class AttendanceModel(RisDbContext db, TimeProvider clock) : MeetingPageModel(db, clock)
{
    public List<Membership> Members { get; private set; } = [];

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public sealed class Row
    {
        public long PersonId { get; set; }
        public AttendanceStatus? Status { get; set; }
        public TimeOnly? ArrivedAt { get; set; }
        public TimeOnly? LeftAt { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Rows = Members.Select(m => Meeting.Attendance.FirstOrDefault(a => a.PersonId == m.PersonId) is { } a
            ? new Row { PersonId = m.PersonId, Status = a.Status, ArrivedAt = Local(a.ArrivedAt), LeftAt = Local(a.LeftAt) }
            : new Row { PersonId = m.PersonId }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var members = Members.Select(m => m.PersonId).ToHashSet();
        var day = DateOnly.FromDateTime(Berlin.ToLocal(Meeting.Start ?? Now));
        return await SaveAsync(() =>
        {
            foreach (var row in Rows.Where(r => members.Contains(r.PersonId)))
            {
                var existing = Meeting.Attendance.FirstOrDefault(a => a.PersonId == row.PersonId);
                if (row.Status is not { } status)
                {
                    if (existing is not null)
                    {
                        Meeting.Attendance.Remove(existing);
                    }
                    continue;
                }
                var attendance = existing ?? new Attendance { Meeting = Meeting, PersonId = row.PersonId, Person = Members.First(m => m.PersonId == row.PersonId).Person };
                attendance.Status = status;
                attendance.ArrivedAt = row.ArrivedAt is { } arrived ? Berlin.ToUtc(day.ToDateTime(arrived)) : null;
                attendance.LeftAt = row.LeftAt is { } left ? Berlin.ToUtc(day.ToDateTime(left)) : null;
                attendance.Validate(Meeting);
                if (existing is null)
                {
                    Meeting.Attendance.Add(attendance);
                }
            }
            // OParl Meeting.participant lists those present.
            var present = Meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.PersonId).ToHashSet();
            Meeting.Participants.RemoveAll(p => !present.Contains(p.Id));
            Meeting.Participants.AddRange(Members.Select(m => m.Person).Where(p => present.Contains(p.Id) && Meeting.Participants.All(x => x.Id != p.Id)).DistinctBy(p => p.Id));
            if (Meeting.MeetingState != MeetingState.Held && present.Count > 0)
            {
                Meeting.MeetingState = MeetingState.Held;
            }
        }, "Die Anwesenheit ist gespeichert.", $"/arbeitsbereich/sitzungen/{id}/anwesenheit", cancellationToken);
    }

    private static TimeOnly? Local(DateTime? utc) => utc is { } u ? TimeOnly.FromDateTime(Berlin.ToLocal(u)) : null;

    private async Task<bool> LoadAllAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }
        ViewData["Title"] = $"Anwesenheit: {ViewData["Title"]}";
        await Db.Entry(Meeting).Collection(m => m.Attendance).LoadAsync(cancellationToken);
        await Db.Entry(Meeting).Collection(m => m.Participants).LoadAsync(cancellationToken);
        Members = (await MembersAsync(cancellationToken)).DistinctBy(m => m.PersonId).ToList();
        return true;
    }
}
