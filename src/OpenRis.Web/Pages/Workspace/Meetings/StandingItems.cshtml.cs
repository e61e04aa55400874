using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>
/// The standing agenda items of one body (each GeschO sets its own, e.g. an Einwohnerfragestunde
/// only in the council); new agendas start with them. Existing agendas keep what they have.
/// </summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public sealed class StandingItemsModel(RisDbContext db) : PageModel
{
    public Organization Body { get; private set; } = null!;

    public string? Message => TempData["Message"] as string;

    [BindProperty]
    public string? Items { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Items = string.Join("\n", Body.StandingItems());
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            Body.StandingAgendaItems = Meeting.ParseStandingItems(Items);
        }
        catch (MeetingException e)
        {
            ModelState.AddModelError(nameof(Items), e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Die ständigen Tagesordnungspunkte sind gespeichert; sie gelten für jede neu erstellte Tagesordnung.";
        return Redirect($"/arbeitsbereich/gremien/{id}/staendige-punkte");
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Body.StandingAgendaItems = null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Die Vorgabe für diese Art von Gremium gilt wieder.";
        return Redirect($"/arbeitsbereich/gremien/{id}/staendige-punkte");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var body = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id && o.OrganizationType == Organization.TypeCommittee, cancellationToken);
        if (body is null)
        {
            return false;
        }
        Body = body;
        ViewData["Title"] = $"Ständige Tagesordnungspunkte: {body.Name}";
        return true;
    }
}
