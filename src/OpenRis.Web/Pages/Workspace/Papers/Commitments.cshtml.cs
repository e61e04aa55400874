using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Commitments;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>The clerk confirms which promises found in the answers are tracked as commitments.</summary>
[Authorize(Roles = nameof(RisRole.DepartmentClerk))]
public sealed class CommitmentsModel(RisDbContext db) : PageModel
{
    public Paper Statement { get; private set; } = null!;
    public List<CommitmentSuggestion> Suggestions { get; private set; } = [];
    public List<Commitment> Tracked { get; private set; } = [];

    [BindProperty]
    public List<int> Confirm { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.BodyId == Statement.BodyId).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var index in Confirm.Distinct().Where(i => i >= 0 && i < Suggestions.Count))
        {
            var suggestion = Suggestions[index];
            if (Tracked.Any(c => c.Text == suggestion.Sentence))
            {
                continue; // confirmed before: a resent form adds nothing
            }
            var commitment = new Commitment
            {
                BodyId = Statement.BodyId,
                PaperId = Statement.Id,
                Text = suggestion.Sentence,
                DueDate = suggestion.DueDate,
                ConfirmedAt = now,
                ConfirmedBy = User.ToActor().Name,
            };
            switch (suggestion.Recurrence)
            {
                case EveryMeetingOf every:
                    commitment.RecurringOrganizationId = organizations.FirstOrDefault(o => o.Name == every.OrganizationName || o.ShortName == every.OrganizationName)?.Id;
                    commitment.Recurrence = $"in jeder Sitzung: {every.OrganizationName}";
                    break;
                case Periodic periodic:
                    commitment.Recurrence = periodic.Period switch
                    {
                        CommitmentPeriod.Monthly => "monatlich",
                        CommitmentPeriod.Quarterly => "vierteljährlich",
                        CommitmentPeriod.HalfYearly => "halbjährlich",
                        CommitmentPeriod.Yearly => "jährlich",
                        _ => "regelmäßig",
                    };
                    break;
                case Regularly:
                    commitment.Recurrence = "regelmäßig";
                    break;
            }
            db.Commitments.Add(commitment);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Die Zusagen werden verfolgt.";
        return Redirect($"/arbeitsbereich/vorlagen/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Zusagen erfassen";
        var statement = await db.Papers.AsNoTracking().Include(p => p.Kind).Include(p => p.Offices)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Questions.OrderBy(q => q.Number))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var actor = User.ToActor();
        if (statement is null || !statement.IsStatement || statement.ParentPaper is null || !statement.IsVisibleTo(actor) || !actor.ActsFor(statement.OwnerOrganizationId))
        {
            return false;
        }
        Statement = statement;
        var date = statement.Date ?? DateOnly.FromDateTime(Berlin.ToLocal(db.Clock.GetUtcNow().UtcDateTime));
        Suggestions = statement.ParentPaper.Questions.Where(q => q.Answer is not null)
            .SelectMany(q => CommitmentPhrases.Find(q.Answer!, date)).ToList();
        Tracked = await db.Commitments.AsNoTracking().Where(c => c.PaperId == id).ToListAsync(cancellationToken);
        return true;
    }
}
