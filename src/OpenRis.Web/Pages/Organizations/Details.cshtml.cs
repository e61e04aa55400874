using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using MeetingList = OpenRis.Web.Pages.Meetings.IndexModel;

namespace OpenRis.Web.Pages.Organizations;

public sealed class DetailsModel(RisDbContext db, TimeProvider clock) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;
    public List<MemberRow> Current { get; private set; } = [];
    public List<MemberRow> Former { get; private set; } = [];
    public List<MeetingList.MeetingRow> Meetings { get; private set; } = [];

    public sealed record OrganizationView(long Id, string Name, string? ShortName, string? Type, string? Classification,
        DateOnly? StartDate, DateOnly? EndDate, string? Website, long? ParentId, string? ParentName);

    public sealed record MemberRow(long PersonId, string Name, bool Fictitious, string? Role, DateOnly? StartDate, DateOnly? EndDate, string? OnBehalfOf);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganizationView(o.Id, o.Name, o.ShortName, o.OrganizationType, o.Classification, o.StartDate, o.EndDate, o.Website,
                o.SubOrganizationOfId, o.SubOrganizationOf == null ? null : o.SubOrganizationOf.Name))
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return NotFound();
        }
        Organization = organization;
        var today = DateOnly.FromDateTime(Berlin.ToLocal(clock.GetUtcNow().UtcDateTime));
        var members = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == id)
            .OrderBy(m => m.Person.FamilyName ?? m.Person.Name).ThenBy(m => m.StartDate)
            .Select(m => new MemberRow(m.PersonId, m.Person.Name, m.Person.IsFictitious, m.Role, m.StartDate, m.EndDate,
                m.OnBehalfOf == null ? null : m.OnBehalfOf.ShortName ?? m.OnBehalfOf.Name))
            .ToListAsync(cancellationToken);
        Current = members.Where(m => m.EndDate is null || m.EndDate >= today).ToList();
        Former = members.Except(Current).ToList();
        Meetings = await MeetingList.Rows(db.Meetings.AsNoTracking()
                .Where(m => m.Public && m.Organizations.Any(o => o.OrganizationId == id))
                .OrderByDescending(m => m.Start))
            .Take(30).ToListAsync(cancellationToken);
        ViewData["Title"] = organization.Name;
        return Page();
    }
}
