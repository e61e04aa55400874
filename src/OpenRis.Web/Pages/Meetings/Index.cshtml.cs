using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Meetings;

public sealed class IndexModel(RisDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "gremium")]
    public long? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public List<MeetingRow> Upcoming { get; private set; } = [];
    public List<MeetingRow> Past { get; private set; } = [];
    public bool HasMorePast { get; private set; }
    public List<OrganizationOption> Organizations { get; private set; } = [];

    public sealed record MeetingRow(long Id, string Name, DateTime? Start, bool Cancelled, string? Place, List<string> Organizations);

    public sealed record OrganizationOption(long Id, string Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Public);
        if (OrganizationId is { } organization)
        {
            meetings = meetings.Where(m => m.Organizations.Any(o => o.OrganizationId == organization));
        }
        Upcoming = await Rows(meetings.Where(m => m.Start >= now || m.Start == null).OrderBy(m => m.Start)).Take(50).ToListAsync(cancellationToken);
        var past = await Rows(meetings.Where(m => m.Start < now).OrderByDescending(m => m.Start).ThenByDescending(m => m.Id))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMorePast = past.Count > PageSize;
        Past = past.Take(PageSize).ToList();
        Organizations = await CommitteesAsync(db, cancellationToken);
        ViewData["Title"] = "Sitzungen";
    }

    /// <summary>Bodies that hold meetings, for the filter on the meeting list and the calendar.</summary>
    public static Task<List<OrganizationOption>> CommitteesAsync(RisDbContext db, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking()
            .Where(o => db.Set<MeetingOrganization>().Any(mo => mo.OrganizationId == o.Id && mo.Meeting.Public))
            .OrderBy(o => o.Name).Select(o => new OrganizationOption(o.Id, o.Name)).ToListAsync(cancellationToken);

    public static IQueryable<MeetingRow> Rows(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingRow(m.Id, m.Name, m.Start, m.Cancelled,
            m.Location == null ? null : m.Location.Description ?? m.Location.Room,
            m.Organizations.OrderBy(o => o.Position).Select(o => o.Organization.Name).ToList()));
}
