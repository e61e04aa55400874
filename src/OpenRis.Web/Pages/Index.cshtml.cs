using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Commitments;

namespace OpenRis.Web.Pages;

public sealed class IndexModel(RisDbContext db, TimeProvider clock) : PageModel
{
    public string BodyName { get; private set; } = "";
    public List<MeetingRow> UpcomingMeetings { get; private set; } = [];
    public List<MeetingRow> RecentMeetings { get; private set; } = [];
    public List<PaperRow> NewestPapers { get; private set; } = [];
    public List<CommitmentState> OverdueCommitments { get; private set; } = [];
    public int OpenCommitments { get; private set; }
    public int OverdueCount { get; private set; }

    public sealed record MeetingRow(long Id, string Name, DateTime? Start, bool Cancelled, string? Organization);

    public sealed record PaperRow(long Id, string? Reference, string Name, string? Subject, string Kind, DateOnly? Date);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        BodyName = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Public);
        UpcomingMeetings = await Rows(meetings.Where(m => m.Start >= now).OrderBy(m => m.Start)).Take(5).ToListAsync(cancellationToken);
        RecentMeetings = await Rows(meetings.Where(m => m.Start < now).OrderByDescending(m => m.Start)).Take(5).ToListAsync(cancellationToken);
        NewestPapers = await Papers.IndexModel.Newest(db.Papers.AsNoTracking().PubliclyVisible()).Take(10).ToListAsync(cancellationToken);
        // Commitments of public papers only, like /zusagen for the public; the page itself is the same for everyone.
        var today = DateOnly.FromDateTime(Berlin.ToLocal(now));
        var open = db.Commitments.AsNoTracking()
            .Where(c => c.Status == CommitmentStatus.Open && c.Paper.Public && c.Paper.Status == PaperStatus.Published && !c.Paper.Deleted);
        OpenCommitments = await open.CountAsync(cancellationToken);
        // Dated ones by their date; those due at every meeting of a body by its meetings (few rows).
        var overdue = (await CommitmentState.LoadAsync(db, open.Where(c => c.DueDate < today || c.RecurringOrganizationId != null), now, cancellationToken))
            .Where(c => c.Overdue).ToList();
        OverdueCount = overdue.Count;
        OverdueCommitments = overdue.Take(5).ToList();
        ViewData["Title"] = BodyName;
    }

    private static IQueryable<MeetingRow> Rows(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingRow(m.Id, m.Name, m.Start, m.Cancelled,
            m.Organizations.OrderBy(o => o.Position).Select(o => o.Organization.Name).FirstOrDefault()));
}
