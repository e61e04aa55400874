using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>One meeting for the council office: build the agenda, reorder it, add items, publish it (and addenda).</summary>
public sealed class ShowModel(RisDbContext db, TimeProvider clock, MeetingMails mails) : MeetingPageModel(db, clock)
{
    /// <summary>Consultations scheduled for this meeting that are not on its agenda yet.</summary>
    public List<Consultation> Unplaced { get; private set; } = [];

    [BindProperty]
    public string? ItemName { get; set; }

    [BindProperty]
    public bool ItemPublic { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAllAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBuildAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await SaveAsync(() => Meeting.BuildAgenda(Unplaced, Lead.StandingItems()), "Die Tagesordnung ist erstellt.", Here, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlaceAsync(long id, long consultationId, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var consultation = Unplaced.FirstOrDefault(c => c.Id == consultationId);
        if (consultation is null)
        {
            ModelState.AddModelError("", "Diese Beratung steht bereits auf der Tagesordnung oder gehört nicht zu dieser Sitzung.");
            return Page();
        }
        return await SaveAsync(() => Meeting.AddPaper(consultation), "Die Vorlage ist auf die Tagesordnung gesetzt.", Here, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, long itemId, int direction, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var item = Meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }
        return await SaveAsync(() => Meeting.MoveItem(item, direction), "Die Reihenfolge ist geändert.", Here, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await SaveAsync(() => Meeting.AddItem(ItemName, ItemPublic), "Der Tagesordnungspunkt ist hinzugefügt.", Here, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // Urgent decisions awaiting approval become public with the agenda (or addendum) that lists them.
        var urgent = Meeting.OrderedItems().Select(i => i.Consultation?.Paper)
            .Where(p => p is { Status: PaperStatus.Registered, Kind.Key: UrgentDecisionsModel.KindKey }).Select(p => p!).ToList();
        // Members invited already receive each Nachtrag by e-mail; before the invitation it goes out with it.
        var members = Meeting.MeetingState == MeetingState.Invited ? await MembersAsync(cancellationToken) : [];
        var queued = 0;
        return await SaveAsync(async () =>
        {
            var version = Meeting.PublishAgenda(Now);
            foreach (var paper in urgent)
            {
                paper.PublishForApproval(Now, User.ToActor());
            }
            if (members.Count > 0)
            {
                queued = await mails.AddendumAsync(Db, Meeting, version, members, cancellationToken);
            }
        }, () => (Meeting.AgendaVersions.Count == 1 ? "Die Tagesordnung ist veröffentlicht." : "Der Nachtrag ist veröffentlicht.")
            + (queued > 0 ? $" {queued} E-Mails an Mitglieder und Stellvertretungen sind versandt." : ""), Here, cancellationToken);
    }

    private string Here => $"/arbeitsbereich/sitzungen/{Meeting.Id}";

    private async Task<bool> LoadAllAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }
        Unplaced = await Db.Consultations.Include(c => c.Paper).ThenInclude(p => p.Kind)
            .Where(c => c.MeetingId == id && c.AgendaItemId == null)
            .OrderBy(c => c.Paper.Reference).ToListAsync(cancellationToken);
        return true;
    }
}
