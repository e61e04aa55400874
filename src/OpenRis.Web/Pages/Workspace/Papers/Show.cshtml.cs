using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Commitments;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>A paper in the workspace: its texts, its history, and the next steps the signed-in role may take.</summary>
[Authorize]
public sealed class ShowModel(RisDbContext db, HandOverMails mails) : PageModel
{
    public Paper Paper { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>Filing deadline of the target meeting: for a draft against now, afterwards against the receipt.</summary>
    public DeadlineCheck? Deadline { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Promises made in this paper or its statements, and promises of other papers this one kept or reported on.</summary>
    public List<CommitmentState> Commitments { get; private set; } = [];
    public List<CommitmentState> Kept { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, async paper =>
        {
            if (paper.ReceivedAt is not null)
            {
                // A second click on "Einreichen" (or a resent form) changes nothing.
                return "Die Vorlage war bereits eingereicht.";
            }
            // A faction's filing answers the checks it wants to; the explanations the catalogue asks for are required.
            paper.Submit([], Now, Actor);
            await mails.SubmittedAsync(db, paper, cancellationToken);
            return "Die Vorlage ist eingereicht. Das Ratsbüro hat sie in seinem Posteingang.";
        }, cancellationToken);

    public Task<IActionResult> OnPostStartStatementAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, async paper =>
        {
            var kind = await db.PaperKinds.FirstAsync(k => k.AnswersQuestions && k.Active, cancellationToken);
            var statement = Paper.DraftStatement(paper, kind, Now, Actor);
            db.Papers.Add(statement);
            return "Der Entwurf der Stellungnahme ist angelegt.";
        }, cancellationToken);

    public Task<IActionResult> OnPostForSignOffAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, paper =>
        {
            paper.SubmitForSignOff(Now, Actor);
            return Task.FromResult(paper.Status == PaperStatus.InCoSigning ? "Die Stellungnahme ist in der Mitzeichnung." : "Die Stellungnahme liegt zur Freigabe vor.");
        }, cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, paper =>
        {
            paper.SignOff(Now, Actor);
            return Task.FromResult("Ihre Dienststelle hat mitgezeichnet.");
        }, cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, paper =>
        {
            paper.SendBack(Comment, Now, Actor);
            return Task.FromResult("Die Stellungnahme ist an die federführende Dienststelle zurückgegeben.");
        }, cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, async paper =>
        {
            paper.Release(Now, Actor);
            var inquiry = paper.ParentPaper!;
            if (inquiry.TargetMeeting is { } meeting)
            {
                var role = inquiry.Kind.HasQuestions ? "Beantwortung" : "Entscheidung";
                meeting.PlaceOnAgenda(inquiry, role, meeting.Organizations.OrderBy(o => o.Position).FirstOrDefault()?.Organization);
            }
            await PaperCitations.LinkAsync(db, inquiry, cancellationToken);
            await PaperCitations.LinkAsync(db, paper, cancellationToken);
            await mails.AnsweredAsync(db, inquiry, paper, cancellationToken);
            return "Die Stellungnahme ist freigegeben und mit der Anfrage veröffentlicht.";
        }, cancellationToken);

    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> StepAsync(long id, Func<Paper, Task<string>> step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, tracking: true))
        {
            return NotFound();
        }
        try
        {
            Message = await step(Paper);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Die Vorlage wurde inzwischen von jemand anderem bearbeitet. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand.");
            return Page();
        }
        var statement = Paper.SubordinatedPapers.FirstOrDefault(p => p.Kind.AnswersQuestions && p.Status == PaperStatus.Draft && p.Id != 0);
        return Redirect($"/arbeitsbereich/vorlagen/{statement?.Id ?? id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken, bool tracking = false)
    {
        Actor = User.ToActor();
        var query = tracking ? db.Papers.AsQueryable() : db.Papers.AsNoTracking();
        var paper = await query
            .Include(p => p.Kind).Include(p => p.OriginatorOrganizations)
            .Include(p => p.Questions.OrderBy(q => q.Number))
            .Include(p => p.ImpactAssessments).ThenInclude(a => a.ImpactCheck)
            .Include(p => p.Signatures.OrderBy(s => s.Position))
            .Include(p => p.Offices).ThenInclude(o => o.Organization)
            .Include(p => p.Files).Include(p => p.References)
            .Include(p => p.Transitions.OrderBy(t => t.At)).Include(p => p.Versions)
            .Include(p => p.TargetMeeting!).ThenInclude(m => m.AgendaItems)
            .Include(p => p.TargetMeeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .Include(p => p.SubordinatedPapers).ThenInclude(s => s.Kind)
            .Include(p => p.Consultations)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Questions.OrderBy(q => q.Number))
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Kind)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.References)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Consultations)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.OriginatorOrganizations)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.TargetMeeting!).ThenInclude(m => m.AgendaItems)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.TargetMeeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (paper is null || !paper.IsVisibleTo(Actor))
        {
            // Someone else's draft does not exist for this user: 404, never 403.
            return false;
        }
        Paper = paper;
        Deadline = await FilingDeadline.CheckAsync(db, paper, Now, cancellationToken);
        var madeIn = paper.SubordinatedPapers.Select(s => s.Id).Append(paper.Id).ToList();
        Commitments = await CommitmentState.LoadAsync(db, db.Commitments.Where(c => madeIn.Contains(c.PaperId)), Now, cancellationToken);
        Kept = await CommitmentState.LoadAsync(db, db.Commitments.Where(c => c.FulfilledByPaperId == paper.Id || c.Reports.Any(r => r.PaperId == paper.Id)), Now, cancellationToken);
        ViewData["Title"] = paper.DisplayReference is { } reference ? $"{reference} {paper.Name}" : paper.Name;
        return true;
    }

    public bool Can(RisRole role) => Actor.Role == role;

    public bool IsLeadClerk => Actor.Role == RisRole.DepartmentClerk && Paper.Offices.Any(o => o.Role == OfficeRole.Lead && Actor.ActsFor(o.OrganizationId));

    public bool IsOpenCoSigner => Actor.Role == RisRole.DepartmentClerk && Paper.Status == PaperStatus.InCoSigning
        && Paper.Offices.Any(o => o.Role == OfficeRole.CoSigning && o.SignedOffAt is null && Actor.ActsFor(o.OrganizationId));
}
