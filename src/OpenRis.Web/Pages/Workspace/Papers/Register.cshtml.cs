using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>
/// The council office numbers a submitted paper, routes it to the offices, or reclassifies its kind.
/// A paper received after the filing deadline is first admitted as urgent or moved to the next meeting.
/// </summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public sealed class RegisterModel(RisDbContext db, HandOverMails mails) : PageModel
{
    public Paper Paper { get; private set; } = null!;
    public List<Organization> Offices { get; private set; } = [];
    public List<PaperKind> Kinds { get; private set; } = [];

    [BindProperty]
    public long? LeadOfficeId { get; set; }

    [BindProperty]
    public List<long> CoSigningOfficeIds { get; set; } = [];

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    [BindProperty]
    public long? KindId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public LateFilingDecision? Decision { get; set; }

    [BindProperty]
    public string? DecisionReason { get; set; }

    /// <summary>The filing check against the target meeting; null without a rule.</summary>
    public DeadlineCheck? Deadline { get; private set; }

    /// <summary>Where a late paper would be moved: the next meeting of the target meeting's lead body.</summary>
    public Meeting? NextMeeting { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Revision = Paper.Revision;
        KindId = Paper.PaperKindId;
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Paper.Status != PaperStatus.Submitted && Paper.Reference is { } given)
        {
            TempData["Message"] = $"Die Vorlage ist bereits als {given} registriert.";
            return Redirect($"/arbeitsbereich/vorlagen/{id}");
        }
        if (LeadOfficeId is not long lead || Offices.All(o => o.Id != lead))
        {
            ModelState.AddModelError(nameof(LeadOfficeId), "Bitte wählen Sie die federführende Dienststelle.");
            return Page();
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        // The number is drawn and the paper saved in one transaction: a failed save gives the number back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var reference = await PaperNumbering.NextAsync(db, Paper.Kind.NumberSequence, now, cancellationToken);
            db.Entry(Paper).Property(p => p.Revision).OriginalValue = Revision;
            Paper.Register(reference, lead, DueDate, CoSigningOfficeIds.Where(o => Offices.Any(x => x.Id == o)), Deadline, now, User.ToActor());
            await mails.AssignedAsync(db, Paper, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData["Message"] = $"Die Vorlage ist als {reference} registriert und der Dienststelle zugewiesen.";
            return Redirect($"/arbeitsbereich/vorlagen/{id}");
        }
        catch (WorkflowException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            ModelState.AddModelError("", "Die Vorlage wurde inzwischen von jemand anderem bearbeitet (z. B. bereits registriert). Bitte laden Sie die Seite neu.");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            if (Decision is not { } decision)
            {
                throw new WorkflowException("Bitte wählen Sie: als dringlich zulassen oder auf die nächste Sitzung verschieben.");
            }
            db.Entry(Paper).Property(p => p.Revision).OriginalValue = Revision;
            Paper.DecideLateFiling(decision, DecisionReason, Deadline, NextMeeting, db.Clock.GetUtcNow().UtcDateTime, User.ToActor());
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Die Vorlage ist {decision.ToGerman()}. Sie kann jetzt registriert werden.";
            return Redirect($"/arbeitsbereich/vorlagen/{id}/registrieren");
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Die Vorlage wurde inzwischen von jemand anderem bearbeitet. Bitte laden Sie die Seite neu.");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReclassifyAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var kind = Kinds.FirstOrDefault(k => k.Id == KindId);
        try
        {
            if (kind is null)
            {
                throw new WorkflowException("Bitte wählen Sie die neue Vorlagenart.");
            }
            db.Entry(Paper).Property(p => p.Revision).OriginalValue = Revision;
            Paper.Reclassify(kind, Reason, db.Clock.GetUtcNow().UtcDateTime, User.ToActor());
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Die Vorlagenart ist jetzt „{kind.Name}“.";
            return Redirect($"/arbeitsbereich/vorlagen/{id}");
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Die Vorlage wurde inzwischen von jemand anderem bearbeitet. Bitte laden Sie die Seite neu.");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Vorlage registrieren";
        var paper = await db.Papers.Include(p => p.Kind).Include(p => p.Offices).Include(p => p.Transitions).Include(p => p.Versions)
            .Include(p => p.Questions)
            .Include(p => p.TargetMeeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (paper is null || !paper.IsVisibleTo(User.ToActor()) || paper.IsStatement)
        {
            return false;
        }
        Paper = paper;
        Deadline = await FilingDeadline.CheckAsync(db, paper, db.Clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (paper.TargetMeeting?.Start is { } start)
        {
            var body = paper.TargetMeeting.Organizations.OrderBy(o => o.Position).FirstOrDefault()?.OrganizationId;
            // Tracked, like the paper: a move points the paper at it.
            NextMeeting = await db.Meetings.Include(m => m.Organizations).ThenInclude(o => o.Organization)
                .Where(m => !m.Cancelled && m.Start > start && m.Organizations.Any(o => o.OrganizationId == body))
                .OrderBy(m => m.Start).FirstOrDefaultAsync(cancellationToken);
        }
        Offices = await db.Organizations.AsNoTracking().Where(o => o.OrganizationType == Organization.TypeAdministration).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        // Kinds are tracked: a reclassification points the paper at one of them.
        Kinds = await db.PaperKinds.Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(cancellationToken);
        return true;
    }
}
