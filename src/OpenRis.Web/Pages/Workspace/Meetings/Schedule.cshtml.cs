using Microsoft.AspNetCore.Mvc;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>
/// Moving or cancelling a meeting, each with a recorded reason; calendars pick the change up, and members
/// already invited are told by e-mail.
/// </summary>
public sealed class ScheduleModel(RisDbContext db, TimeProvider clock, MeetingMails mails) : MeetingPageModel(db, clock)
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
        return await ChangeAsync(() => Meeting.Move(start, Reason, Now), "Die Sitzung ist verlegt. Bitte laden Sie erneut ein.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        !await LoadAsync(id, cancellationToken) ? NotFound()
        : await ChangeAsync(() => Meeting.Cancel(Reason, Now), "Die Sitzung ist abgesagt.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Action change, string message, CancellationToken cancellationToken)
    {
        var invited = Meeting.InvitedAt is not null;
        var members = invited ? await MembersAsync(cancellationToken) : [];
        var queued = 0;
        return await SaveAsync(async () =>
        {
            change();
            if (invited)
            {
                queued = await mails.RescheduledAsync(Db, Meeting, members, cancellationToken);
            }
        }, () => message + (queued > 0 ? $" {queued} E-Mails an Mitglieder und Stellvertretungen sind versandt." : ""), $"/arbeitsbereich/sitzungen/{Meeting.Id}", cancellationToken);
    }
}
