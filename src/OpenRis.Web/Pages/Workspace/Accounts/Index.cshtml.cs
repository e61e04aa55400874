using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Accounts;

/// <summary>The administrator's list of accounts.</summary>
[Authorize(Roles = nameof(RisRole.Administrator))]
public sealed class IndexModel(RisDbContext db) : PageModel
{
    public List<RisUser> Accounts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Konten";
        Now = db.Clock.GetUtcNow();
        Accounts = await db.Users.AsNoTracking().Include(u => u.Organization).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }
}
