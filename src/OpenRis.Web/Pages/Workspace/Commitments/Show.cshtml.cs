using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Commitments;

namespace OpenRis.Web.Pages.Workspace.Commitments;

/// <summary>
/// One commitment for the lead office's clerk (or the council office): mark it fulfilled by a later
/// paper, chosen by its number, or record the report given at a meeting of the body it reports to.
/// </summary>
[Authorize(Roles = $"{nameof(RisRole.DepartmentClerk)},{nameof(RisRole.CouncilOffice)}")]
public sealed class ShowModel(RisDbContext db) : PageModel
{
    public CommitmentState State { get; private set; } = null!;

    /// <summary>Meetings of the recurring body a report can be recorded for: held ones without report, then the next planned.</summary>
    public List<Meeting> ReportableMeetings { get; private set; } = [];

    [BindProperty]
    public string? PaperNumber { get; set; }

    [BindProperty]
    public long? MeetingId { get; set; }

    [BindProperty]
    public string? ReportPaperNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFulfilAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await StepAsync(id, async commitment =>
        {
            var paper = await FindPaperAsync(PaperNumber, cancellationToken)
                ?? throw new WorkflowException("Bitte geben Sie die Drucksachennummer der Vorlage an, die die Zusage erfüllt (z. B. 1234/2019).");
            commitment.Fulfil(paper);
            return $"Die Zusage ist als erfüllt durch {paper.Reference} vermerkt.";
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostReportAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await StepAsync(id, async commitment =>
        {
            var meeting = await db.Meetings.Include(m => m.Organizations).FirstOrDefaultAsync(m => m.Id == MeetingId, cancellationToken)
                ?? throw new WorkflowException("Bitte wählen Sie die Sitzung, in der berichtet wurde.");
            Paper? paper = null;
            if (!string.IsNullOrWhiteSpace(ReportPaperNumber))
            {
                paper = await FindPaperAsync(ReportPaperNumber, cancellationToken)
                    ?? throw new WorkflowException($"Eine Vorlage mit der Nummer „{ReportPaperNumber.Trim()}“ gibt es nicht.");
            }
            commitment.RecordReport(meeting, paper, db.Clock.GetUtcNow().UtcDateTime, User.ToActor());
            return $"Der Bericht in der Sitzung am {Rendering.Dates.Day(meeting.Start)} ist festgehalten.";
        }, cancellationToken);
    }

    private async Task<IActionResult> StepAsync(long id, Func<Commitment, Task<string>> step, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.Include(c => c.Paper).Include(c => c.Reports).FirstAsync(c => c.Id == id, cancellationToken);
        try
        {
            Message = await step(commitment);
            await db.SaveChangesAsync(cancellationToken);
            return Redirect($"/arbeitsbereich/zusagen/{id}");
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateException)
        {
            // The unique index (commitment, meeting): someone recorded the same report a moment ago.
            ModelState.AddModelError("", "Diese Änderung ist inzwischen schon von jemand anderem festgehalten worden. Bitte laden Sie die Seite neu.");
        }
        return Page();
    }

    /// <summary>A published paper by its number in any usual spelling ("1234/2019", "1234/19").</summary>
    private async Task<Paper?> FindPaperAsync(string? number, CancellationToken cancellationToken)
    {
        var reference = number is null ? null : PaperNumbers.Normalize(number) ?? number.Trim();
        return string.IsNullOrEmpty(reference) ? null : await db.Papers.FirstOrDefaultAsync(p => p.Reference == reference, cancellationToken);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Zusage bearbeiten";
        var actor = User.ToActor();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var state = (await CommitmentState.LoadAsync(db, db.Commitments.Where(c => c.Id == id), now, cancellationToken)).SingleOrDefault();
        // The lead office that made the promise keeps track of it; the council office may as well.
        if (state is null || (actor.Role == RisRole.DepartmentClerk && !actor.ActsFor(state.Commitment.Paper.OwnerOrganizationId)))
        {
            return false;
        }
        State = state;
        ReportableMeetings = [.. state.Missed, .. state.Next is { } next ? [next] : Array.Empty<Meeting>()];
        return true;
    }
}
