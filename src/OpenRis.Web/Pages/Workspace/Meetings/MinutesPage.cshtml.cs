using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>The minutes (Niederschrift): drafted from the results, edited, signed by chair and minute-taker, published.</summary>
public sealed class MinutesPageModel(RisDbContext db, TimeProvider clock) : MeetingPageModel(db, clock)
{
    public Minutes? Minutes { get; private set; }

    [BindProperty]
    public string? PublicText { get; set; }

    [BindProperty]
    public string? NonPublicText { get; set; }

    [BindProperty]
    public string? SignerName { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (PublicText, NonPublicText) = (Minutes?.PublicText, Minutes?.NonPublicText);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Minutes is not null)
        {
            ModelState.AddModelError("", "Es gibt bereits eine Niederschrift zu dieser Sitzung.");
            return Page();
        }
        return await SaveAsync(() => Db.Minutes.Add(Model.Minutes.Draft(Meeting, Meeting.Attendance)), "Der Entwurf der Niederschrift ist erstellt.", Here, cancellationToken);
    }

    public Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken) =>
        WithMinutesAsync(id, m => m.Edit(PublicText, NonPublicText), "Die Niederschrift ist gespeichert.", cancellationToken);

    public Task<IActionResult> OnPostChairAsync(long id, CancellationToken cancellationToken) =>
        WithMinutesAsync(id, m => m.SignAsChair(SignerName, Now), "Die Unterschrift des Vorsitzes ist erfasst.", cancellationToken);

    public Task<IActionResult> OnPostMinuteTakerAsync(long id, CancellationToken cancellationToken) =>
        WithMinutesAsync(id, m => m.SignAsMinuteTaker(SignerName, Now), "Die Unterschrift der Schriftführung ist erfasst.", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken) =>
        WithMinutesAsync(id, m => m.Publish(Now), "Die Niederschrift ist veröffentlicht.", cancellationToken);

    private string Here => $"/arbeitsbereich/sitzungen/{Meeting.Id}/niederschrift";

    private async Task<IActionResult> WithMinutesAsync(long id, Action<Minutes> change, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Minutes is not { } minutes)
        {
            ModelState.AddModelError("", "Bitte erstellen Sie zuerst den Entwurf der Niederschrift.");
            return Page();
        }
        return await SaveAsync(() => change(minutes), message, Here, cancellationToken);
    }

    private async Task<bool> LoadAllAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }
        ViewData["Title"] = $"Niederschrift: {ViewData["Title"]}";
        await Db.Entry(Meeting).Collection(m => m.Attendance).Query().Include(a => a.Person).LoadAsync(cancellationToken);
        await Db.RollCallVotes.Where(v => v.AgendaItem.MeetingId == id).LoadAsync(cancellationToken);
        await Db.ConflictsOfInterest.Include(c => c.Person).Where(c => c.AgendaItem.MeetingId == id).LoadAsync(cancellationToken);
        Minutes = await Db.Minutes.Where(m => m.MeetingId == id && m.CorrectsId == null).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
