using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>The lead office's clerk writes the statement: an opening text and one answer per question.</summary>
[Authorize(Roles = nameof(RisRole.DepartmentClerk))]
public sealed class AnswerModel(RisDbContext db) : PageModel
{
    public Paper Statement { get; private set; } = null!;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    [BindProperty]
    public int Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Text = Statement.Text;
        Answers = Statement.ParentPaper!.Questions.Select(q => q.Answer).ToList();
        Revision = Statement.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Statement.CanEdit(User.ToActor()))
        {
            ModelState.AddModelError("", $"Die Stellungnahme ist {Statement.Status.ToGerman()} und kann nicht mehr bearbeitet werden. Ihre Eingaben sind unten erhalten.");
            return Page();
        }
        Statement.Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var questions = Statement.ParentPaper!.Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            var answer = i < Answers.Count ? Answers[i] : null;
            questions[i].Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            questions[i].AnswerPaper = questions[i].Answer is null ? null : Statement;
        }
        db.Entry(Statement).Property(p => p.Revision).OriginalValue = Revision;
        db.Entry(Statement).Property(p => p.Text).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two clerks at once: the second gets a conflict, not a silent overwrite.
            ModelState.AddModelError("", "Die Stellungnahme wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind unten erhalten; bitte laden Sie den aktuellen Stand in einem zweiten Fenster und führen Sie beides zusammen.");
            Revision = await db.Papers.AsNoTracking().Where(p => p.Id == id).Select(p => p.Revision).FirstAsync(cancellationToken);
            ModelState.Remove(nameof(Revision));
            return Page();
        }
        TempData["Message"] = "Die Antworten sind gespeichert.";
        return Redirect($"/arbeitsbereich/vorlagen/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Stellungnahme bearbeiten";
        var statement = await db.Papers.Include(p => p.Kind).Include(p => p.Offices)
            .Include(p => p.ParentPaper!).ThenInclude(i => i.Questions.OrderBy(q => q.Number))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (statement is null || !statement.IsStatement || statement.ParentPaper is null || !statement.IsVisibleTo(User.ToActor()))
        {
            return false;
        }
        Statement = statement;
        return true;
    }
}
