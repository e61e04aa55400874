using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using MeetingList = OpenRis.Web.Pages.Meetings.IndexModel;

namespace OpenRis.Web.Pages.Calendar;

public sealed class IndexModel(RisDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gremium")]
    public long? OrganizationId { get; set; }

    /// <summary>"2018-09"; the current month when missing or malformed.</summary>
    [BindProperty(SupportsGet = true, Name = "monat")]
    public string? MonthText { get; set; }

    public DateOnly Month { get; private set; }
    public List<MeetingList.MeetingRow> Meetings { get; private set; } = [];
    public List<MeetingList.OrganizationOption> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Berlin.ToLocal(clock.GetUtcNow().UtcDateTime));
        Month = DateOnly.TryParseExact(MonthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month : new DateOnly(today.Year, today.Month, 1);
        MonthText = Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = Berlin.ToUtc(Month.ToDateTime(TimeOnly.MinValue));
        var to = Berlin.ToUtc(Month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Public && m.Start >= from && m.Start < to);
        if (OrganizationId is { } organization)
        {
            meetings = meetings.Where(m => m.Organizations.Any(o => o.OrganizationId == organization));
        }
        Meetings = await MeetingList.Rows(meetings.OrderBy(m => m.Start)).ToListAsync(cancellationToken);
        Organizations = await MeetingList.CommitteesAsync(db, cancellationToken);
        ViewData["Title"] = $"Kalender {Month.ToString("MMMM yyyy", Hosting.RisDefaults.German)}";
    }

    public string Link(DateOnly month) =>
        $"/kalender?monat={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}{(OrganizationId is { } o ? $"&gremium={o}" : "")}";

    public List<MeetingList.MeetingRow> On(DateOnly day) =>
        Meetings.Where(m => m.Start is { } s && DateOnly.FromDateTime(Berlin.ToLocal(s)) == day).ToList();
}
