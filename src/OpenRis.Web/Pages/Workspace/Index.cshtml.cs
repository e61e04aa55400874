using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace;

/// <summary>The personal inbox: what waits for this user's role and office.</summary>
[Authorize]
public sealed class IndexModel(RisDbContext db) : PageModel
{
    public Actor Actor { get; private set; } = null!;
    public List<Paper> Papers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Arbeitsbereich";
        Actor = User.ToActor();
        var actor = Actor;
        var query = db.Papers.AsNoTracking()
            .Include(p => p.Kind).Include(p => p.Offices).ThenInclude(o => o.Organization)
            .Include(p => p.ParentPaper).Include(p => p.TargetMeeting)
            .Where(p => p.Status != PaperStatus.Published && p.Status != PaperStatus.Withdrawn);
        query = actor.Role switch
        {
            RisRole.FactionOffice or RisRole.CouncilMember => query.Where(p => p.OwnerOrganizationId == actor.OrganizationId),
            RisRole.CouncilOffice => query.Where(p => p.Status == PaperStatus.Submitted || p.Status == PaperStatus.Registered),
            RisRole.DepartmentClerk => query.Where(p => p.Offices.Any(o => o.OrganizationId == actor.OrganizationId)),
            RisRole.Approver => query.Where(p => p.Status == PaperStatus.AwaitingRelease),
            RisRole.Administrator => query.Where(p => false),
        };
        Papers = (await query.OrderByDescending(p => p.Modified).Take(200).ToListAsync(cancellationToken))
            .Where(p => p.IsVisibleTo(actor)).ToList();
    }
}
