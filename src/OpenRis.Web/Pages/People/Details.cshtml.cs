using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Pages.People;

public sealed class DetailsModel(RisDbContext db) : PageModel
{
    public PersonView Person { get; private set; } = null!;
    public List<MembershipRow> Memberships { get; private set; } = [];

    public sealed record PersonView(long Id, string Name, bool Fictitious);

    public sealed record MembershipRow(long OrganizationId, string Organization, string? Role, DateOnly? StartDate, DateOnly? EndDate, bool? VotingRight);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonView(p.Id, p.Name, p.IsFictitious)).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id)
            .OrderByDescending(m => m.EndDate == null).ThenByDescending(m => m.StartDate)
            .Select(m => new MembershipRow(m.OrganizationId, m.Organization.Name, m.Role, m.StartDate, m.EndDate, m.VotingRight))
            .ToListAsync(cancellationToken);
        ViewData["Title"] = person.Name;
        return Page();
    }
}
