using Microsoft.AspNetCore.Mvc;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>Moving or cancelling a meeting, each with a recorded reason; calendars pick the change up.</summary>
public sealed class ScheduleModel(RisDbContext db, TimeProvider clock) : MeetingPageModel(db, clock)
{
    [BindProperty]
    public DateOnly? NewDate { get; set; }

    [BindProperty]
    public TimeOnly? NewTime { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (NewDate is null || NewTime is null)
        {
            ModelState.AddModelError(nameof(NewDate), "Bitte geben Sie Datum und Uhrzeit des neuen Termins an.");
            return Page();
        }
        var start = Berlin.ToUtc(NewDate.Value.ToDateTime(NewTime.Value));
        return await SaveAsync(() => Meeting.Move(start, Reason, Now), "Die Sitzung ist verlegt. Bitte laden Sie erneut ein.", $"/arbeitsbereich/sitzungen/{id}", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        !await LoadAsync(id, cancellationToken) ? NotFound()
        : await SaveAsync(() => Meeting.Cancel(Reason, Now), "Die Sitzung ist abgesagt.", $"/arbeitsbereich/sitzungen/{id}", cancellationToken);
}
