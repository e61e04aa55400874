using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>The faction office edits its draft; once submitted, the text is frozen.</summary>
[Authorize(Roles = nameof(RisRole.FactionOffice))]
public sealed class EditModel(RisDbContext db, FileStore files, FileStoreOptions fileOptions, PdfText pdfText) : PaperFormPageModel(db, files, fileOptions, pdfText)
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Entwurf bearbeiten";
        var paper = await LoadAsync(id, cancellationToken);
        if (paper is null || !paper.IsVisibleTo(User.ToActor()))
        {
            return NotFound();
        }
        if (!paper.CanEdit(User.ToActor()))
        {
            TempData["Message"] = "Die Vorlage ist eingereicht; ihr Text kann nicht mehr geändert werden.";
            return Redirect($"/arbeitsbereich/vorlagen/{id}");
        }
        Form = PaperForm.From(paper);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Entwurf bearbeiten";
        var paper = await LoadAsync(id, cancellationToken);
        if (paper is null || !paper.IsVisibleTo(User.ToActor()))
        {
            return NotFound();
        }
        if (!paper.CanEdit(User.ToActor()))
        {
            await LoadChoicesAsync(cancellationToken);
            ModelState.AddModelError("", "Die Vorlage ist bereits eingereicht; Änderungen am Text sind nicht mehr möglich. Ihre Eingaben sind unten erhalten.");
            return Page();
        }
        return await SaveAsync(paper, cancellationToken);
    }

    private Task<Paper?> LoadAsync(long id, CancellationToken cancellationToken) => Db.Papers
        .Include(p => p.Kind).Include(p => p.Questions).Include(p => p.ImpactAssessments).Include(p => p.Signatures).Include(p => p.Offices)
        .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
}
