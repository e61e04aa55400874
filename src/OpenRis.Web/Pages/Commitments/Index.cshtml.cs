using Microsoft.AspNetCore.Mvc.RazorPages;
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
    public List<CommitmentState> Overdue { get; private set; } = [];
    public List<CommitmentState> Open { get; private set; } = [];
    public List<CommitmentState> Fulfilled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Zusagen der Verwaltung";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        Today = DateOnly.FromDateTime(Berlin.ToLocal(now));
        var query = db.Commitments.AsQueryable();
        if (User.Identity?.IsAuthenticated != true)
        {
            query = query.Where(c => c.Paper.Public && c.Paper.Status == PaperStatus.Published);
        }
        var all = await CommitmentState.LoadAsync(db, query, now, cancellationToken);
        Overdue = all.Where(c => c.Overdue).ToList();
        Open = all.Where(c => !c.Overdue && c.Commitment.Status == CommitmentStatus.Open).ToList();
        Fulfilled = all.Where(c => c.Commitment.Status == CommitmentStatus.Fulfilled).ToList();
    }
}
