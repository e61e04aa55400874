using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Pages.Follow;

/// <summary>
/// Unsubscribe. The POST is also the RFC 8058 one-click target of the List-Unsubscribe header, which mail
/// programs send without a form, so it takes no antiforgery token: the random token in the URL is the credential.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(RisDbContext db) : PageModel
{
    public bool Done { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Benachrichtigung abbestellen";
        var follow = await db.Follows.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (follow is null)
        {
            return NotFound();
        }
        Done = follow.UnsubscribedAt is not null;
        Email = follow.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Benachrichtigung abbestellen";
        var follow = await db.Follows.FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (follow is null)
        {
            return NotFound();
        }
        follow.Unsubscribe(db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        Email = follow.Email;
        return Page();
    }
}
