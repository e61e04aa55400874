using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>The council office's meeting calendar: upcoming and recent meetings, planning single dates and series.</summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public sealed class IndexModel(RisDbContext db, TimeProvider clock) : PageModel
{
    public List<Meeting> Meetings { get; private set; } = [];
    public List<Organization> Bodies { get; private set; } = [];
    public List<Location> Locations { get; private set; } = [];
    public List<DateOnly> Skipped { get; private set; } = [];

    public string? Message => TempData["Message"] as string;

    [BindProperty, Required(ErrorMessage = "Bitte wählen Sie das Gremium.")]
    public long? OrganizationId { get; set; }

    [BindProperty]
    public long? LocationId { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie die Uhrzeit an.")]
    public TimeOnly? Time { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    [BindProperty]
    public int WeekOfMonth { get; set; } = 2;

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSingleAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), "Bitte geben Sie das Datum der Sitzung an.");
        }
        if (!ModelState.IsValid || Resolve() is not var (body, location))
        {
            return Page();
        }
        var meeting = Meeting.Plan(body, MeetingName(body), Date!.Value.ToDateTime(Time!.Value), TimeSpan.FromHours(3), location);
        if (meeting.Start <= clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError(nameof(Date), "Eine neue Sitzung muss in der Zukunft liegen.");
            return Page();
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Die Sitzung ist geplant.";
        return Redirect($"/arbeitsbereich/sitzungen/{meeting.Id}");
    }

    public async Task<IActionResult> OnPostSeriesAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (From is null || Until is null)
        {
            ModelState.AddModelError(nameof(From), "Bitte geben Sie Beginn und Ende der Serie an.");
        }
        if (!ModelState.IsValid || Resolve() is not var (body, location))
        {
            return Page();
        }
        List<DateOnly> dates;
        try
        {
            (dates, Skipped) = new MeetingSeries(Weekday, WeekOfMonth, Time!.Value).Dates(From!.Value, Until!.Value);
        }
        catch (MeetingException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = dates.Select(d => Meeting.Plan(body, MeetingName(body), d.ToDateTime(Time!.Value), TimeSpan.FromHours(3), location))
            .Where(m => m.Start > now).ToList();
        db.Meetings.AddRange(planned);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{planned.Count} Sitzungen sind geplant."
            + (Skipped.Count > 0 ? $" Wegen Feiertagen ausgelassen: {string.Join(", ", Skipped.Select(d => Rendering.Dates.Day(d)))}." : "");
        return RedirectToPage();
    }

    private static string MeetingName(Organization body) => $"Sitzung – {body.Name}";

    private (Organization Body, Location? Location)? Resolve()
    {
        var body = Bodies.FirstOrDefault(b => b.Id == OrganizationId);
        if (body is null)
        {
            ModelState.AddModelError(nameof(OrganizationId), "Bitte wählen Sie das Gremium.");
            return null;
        }
        return (body, Locations.FirstOrDefault(l => l.Id == LocationId));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Sitzungsdienst";
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-60);
        Meetings = await db.Meetings.AsNoTracking().Include(m => m.Organizations).ThenInclude(o => o.Organization)
            .Where(m => m.Start >= since).OrderBy(m => m.Start).Take(100).ToListAsync(cancellationToken);
        Bodies = await db.Organizations.AsNoTracking().Where(o => o.OrganizationType == Organization.TypeCommittee).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        Locations = await db.Locations.AsNoTracking().Where(l => l.Room != null).OrderBy(l => l.Description).ToListAsync(cancellationToken);
    }
}
