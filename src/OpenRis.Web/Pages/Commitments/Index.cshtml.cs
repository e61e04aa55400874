using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Commitments;

/// <summary>
/// Promises of the administration and whether they are kept. The public sees those of published
/// public papers; signed-in members see all.
/// </summary>
public sealed class IndexModel(RisDbContext db) : PageModel
{
    public DateOnly Today { get; private set; }
    public List<Commitment> Overdue { get; private set; } = [];
    public List<Commitment> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Zusagen der Verwaltung";
        Today = DateOnly.FromDateTime(Berlin.ToLocal(db.Clock.GetUtcNow().UtcDateTime));
        var query = db.Commitments.AsNoTracking()
            .Include(c => c.Paper).ThenInclude(p => p.ParentPaper)
            .Include(c => c.RecurringOrganization)
            .Where(c => c.Status == CommitmentStatus.Open);
        if (User.Identity?.IsAuthenticated != true)
        {
            query = query.Where(c => c.Paper.Public && c.Paper.Status == PaperStatus.Published);
        }
        var all = await query.OrderBy(c => c.DueDate).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        Overdue = all.Where(c => c.IsOverdue(Today)).ToList();
        Open = all.Except(Overdue).ToList();
    }
}
