using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>The minutes (Niederschrift): drafted from the results, edited, signed by chair and minute-taker, published.</summary>
public sealed class MinutesPageModel(RisDbContext db, TimeProvider clock) : MeetingPageModel(db, clock)
{
    public Minutes? Minutes { get; private set; }

    /// <summary>Published minutes of earlier meetings of this body that a correction resolved here may point to.</summary>
    public List<Minutes> Correctable { get; private set; } = [];

    /// <summary>Corrections of earlier minutes resolved in this meeting.</summary>
    public List<Minutes> Corrections { get; private set; } = [];

    [BindProperty]
    public long? CorrectsId { get; set; }

    [BindProperty]
    public string? CorrectionText { get; set; }

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

    /// <summary>Records a correction of earlier minutes that the body resolved in this (held) meeting (§ 52 GO NRW).</summary>
    public async Task<IActionResult> OnPostCorrectionAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Correctable.FirstOrDefault(m => m.Id == CorrectsId) is not { } corrected)
        {
            ModelState.AddModelError(nameof(CorrectsId), "Bitte wählen Sie die Niederschrift, die berichtigt wird.");
            return Page();
        }
        return await SaveAsync(() => Db.Minutes.Add(corrected.Correction(Meeting, CorrectionText, Now)),
            $"Die Berichtigung der Niederschrift vom {Rendering.Dates.Day(corrected.Meeting.Start)} ist erfasst und veröffentlicht.", Here, cancellationToken);
    }

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
        Corrections = await Db.Minutes.Include(m => m.Corrects!).ThenInclude(c => c.Meeting).Where(m => m.MeetingId == id && m.CorrectsId != null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var leadId = Lead.Id;
        var start = Meeting.Start;
        Correctable = await Db.Minutes.Include(m => m.Meeting)
            .Where(m => m.PublishedAt != null && m.CorrectsId == null && m.Meeting.Start < start && m.Meeting.Organizations.Any(o => o.OrganizationId == leadId))
            .OrderByDescending(m => m.Meeting.Start).Take(20).ToListAsync(cancellationToken);
        return true;
    }
}
