using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Organizations;

public sealed class IndexModel(RisDbContext db) : PageModel
{
    public List<Row> Committees { get; private set; } = [];
    public List<Row> Factions { get; private set; } = [];

    public sealed record Row(long Id, string Name, string? Classification, DateOnly? StartDate, DateOnly? EndDate, string? Type);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.OrganizationType == Organization.TypeCommittee || o.OrganizationType == Organization.TypeFaction)
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Classification, o.StartDate, o.EndDate, o.OrganizationType))
            .ToListAsync(cancellationToken);
        Committees = rows.Where(r => r.Type == Organization.TypeCommittee).ToList();
        Factions = rows.Where(r => r.Type == Organization.TypeFaction).ToList();
        ViewData["Title"] = "Gremien und Fraktionen";
    }
}
