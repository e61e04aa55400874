using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Import;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Import;

/// <summary>
/// One proposal: every field with its confidence and source line, corrected by the clerk, then taken over
/// as papers (registered, not public) or rejected; taken-over papers are published from here.
/// </summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public sealed class ProposalModel(RisDbContext db) : PageModel
{
    public ImportProposal Proposal { get; private set; } = null!;
    public List<ProposedPaper> Papers { get; private set; } = [];
    public List<Paper> Created { get; private set; } = [];
    public List<PaperKind> Kinds { get; private set; } = [];

    [BindProperty]
    public List<PaperInput> Input { get; set; } = [];

    [BindProperty]
    public string? RejectionReason { get; set; }

    public sealed class PaperInput
    {
        public string? Kind { get; set; }
        public string? Number { get; set; }
        public string? Subject { get; set; }
        public string? Originator { get; set; }
        public string? LeadOffice { get; set; }
        public string? Date { get; set; }
        public string? Signatory { get; set; }
        public string? SignatoryRole { get; set; }
        public List<string?> Questions { get; set; } = [];
        public List<string?> Answers { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Apply())
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Die Korrekturen sind gespeichert.";
            return Redirect($"/arbeitsbereich/import/{id}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !Apply())
        {
            return Proposal is null ? NotFound() : Page();
        }
        // Papers and the proposal's new state are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var papers = await DocumentImport.AcceptAsync(db, Proposal, User.ToActor(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData["Message"] = $"Übernommen: {string.Join(", ", papers.Select(p => p.Reference ?? p.Name))}. Die Vorlagen sind registriert und noch nicht öffentlich.";
            return Redirect($"/arbeitsbereich/import/{id}");
        }
        catch (WorkflowException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            Proposal.Reject(RejectionReason, db.Clock.GetUtcNow().UtcDateTime, User.ToActor());
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Der Vorschlag ist verworfen; es wurde keine Vorlage angelegt.";
            return Redirect("/arbeitsbereich/import");
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var roots = Created.Where(p => p.ParentPaperId is null || !Proposal.PaperIds.Contains(p.ParentPaperId.Value)).ToList();
            if (roots.Count == 0)
            {
                throw new WorkflowException("Zu diesem Vorschlag gibt es keine übernommenen Vorlagen.");
            }
            foreach (var paper in roots)
            {
                paper.PublishImported(now, User.ToActor());
            }
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Die übernommenen Vorlagen sind veröffentlicht.";
            return Redirect($"/arbeitsbereich/import/{id}");
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    /// <summary>Takes the typed values over; returns false (with messages) when a value cannot be right.</summary>
    private bool Apply()
    {
        if (Proposal.Status != ImportProposalStatus.Pending)
        {
            ModelState.AddModelError("", "Der Vorschlag ist bereits entschieden.");
            return false;
        }
        for (var i = 0; i < Papers.Count && i < Input.Count; i++)
        {
            var (paper, input) = (Papers[i], Input[i]);
            if (!string.IsNullOrWhiteSpace(input.Date) && !DateOnly.TryParseExact(input.Date.Trim(), "dd.MM.yyyy", out _))
            {
                ModelState.AddModelError($"Input[{i}].Date", $"Vorlage {i + 1}: Datum bitte als TT.MM.JJJJ angeben.");
            }
            if (!string.IsNullOrWhiteSpace(input.Kind) && DocumentImport.KindFor(Kinds, input.Kind.Trim()) is null)
            {
                ModelState.AddModelError($"Input[{i}].Kind", $"Vorlage {i + 1}: Die Art „{input.Kind}“ gibt es hier nicht.");
            }
            paper.Kind = paper.Kind.CorrectedTo(input.Kind);
            paper.Number = paper.Number.CorrectedTo(input.Number);
            paper.Subject = paper.Subject.CorrectedTo(input.Subject);
            paper.Originator = paper.Originator.CorrectedTo(input.Originator);
            paper.LeadOffice = paper.LeadOffice.CorrectedTo(input.LeadOffice);
            paper.Date = paper.Date.CorrectedTo(input.Date);
            paper.Signatory = paper.Signatory.CorrectedTo(input.Signatory);
            paper.SignatoryRole = paper.SignatoryRole.CorrectedTo(input.SignatoryRole);
            paper.Questions = Items(paper.Questions, input.Questions);
            paper.Answers = Items(paper.Answers, input.Answers);
        }
        if (!ModelState.IsValid)
        {
            return false;
        }
        Proposal.Correct(Papers, db.Clock.GetUtcNow().UtcDateTime, User.ToActor());
        return true;
    }

    // An emptied item is dropped; a changed one is the clerk's and certain.
    private static List<ProposedItem> Items(List<ProposedItem> items, List<string?> typed) =>
        [.. items.Select((item, i) => (item, text: i < typed.Count ? typed[i]?.Trim() : item.Text))
            .Where(x => !string.IsNullOrEmpty(x.text))
            .Select(x => x.text == x.item.Text ? x.item : x.item with { Text = x.text!, Confidence = 1, Line = 0 })];

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var proposal = await db.ImportProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return false;
        }
        Proposal = proposal;
        Papers = proposal.Papers;
        Kinds = await db.PaperKinds.Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(cancellationToken);
        Created = await db.Papers.Where(p => proposal.PaperIds.Contains(p.Id))
            .Include(p => p.Kind).Include(p => p.Questions).Include(p => p.Transitions).Include(p => p.Versions)
            .Include(p => p.SubordinatedPapers).ThenInclude(s => s.Kind)
            .Include(p => p.SubordinatedPapers).ThenInclude(s => s.Transitions)
            .Include(p => p.SubordinatedPapers).ThenInclude(s => s.Versions)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return true;
    }
}
