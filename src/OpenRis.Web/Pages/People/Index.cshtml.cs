using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Pages.People;

public sealed class IndexModel(RisDbContext db) : PageModel
{
    public List<Row> People { get; private set; } = [];

    public sealed record Row(long Id, string Name, bool Fictitious, List<string> Organizations);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // People with a membership are the council's members and staff; signatories without one stay on their papers.
        var rows = await db.Persons.AsNoTracking().Where(p => p.Memberships.Any())
            .OrderBy(p => p.FamilyName ?? p.Name).ThenBy(p => p.GivenName)
            .Select(p => new Row(p.Id, p.Name, p.IsFictitious,
                p.Memberships.OrderBy(m => m.StartDate).Select(m => m.Organization.ShortName ?? m.Organization.Name).ToList()))
            .ToListAsync(cancellationToken);
        People = rows.Select(r => r with { Organizations = r.Organizations.Distinct().ToList() }).ToList();
        ViewData["Title"] = "Personen";
    }
}
