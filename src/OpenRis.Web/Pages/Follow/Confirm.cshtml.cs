using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Follow;

/// <summary>
/// Step two of the double opt-in. The link only shows a button: mail scanners that open links must not confirm
/// an address on their own.
/// </summary>
public sealed class ConfirmModel(RisDbContext db) : PageModel
{
    public bool Confirmed { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Benachrichtigung bestätigen";
        var follow = await db.Follows.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (follow is null)
        {
            return NotFound();
        }
        Confirmed = follow.IsActive;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Benachrichtigung bestätigen";
        var follow = await db.Follows.FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (follow is null)
        {
            return NotFound();
        }
        try
        {
            follow.Confirm(db.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            Confirmed = true;
        }
        catch (WorkflowException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
