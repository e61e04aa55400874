using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>What the new and edit pages of a faction's draft share: the form, its choices, the save.</summary>
[ReshowsOversizedUpload]
public abstract class PaperFormPageModel(RisDbContext db, FileStore files, FileStoreOptions fileOptions, PdfText pdfText) : PageModel
{
    [BindProperty]
    public PaperForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    [BindProperty]
    public string? AttachmentName { get; set; }

    public PaperFormChoices Choices { get; private set; } = null!;

    protected RisDbContext Db => db;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Choices = await PaperFormChoices.LoadAsync(db, db.Clock.GetUtcNow().UtcDateTime, cancellationToken);
        Form.PadQuestions();
    }

    /// <summary>Validates, applies and saves; on any problem the page is shown again with everything as typed.</summary>
    protected async Task<IActionResult> SaveAsync(Paper paper, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var actor = User.ToActor();
        var kind = Choices.Kinds.FirstOrDefault(k => k.Id == Form.KindId);
        if (kind is null)
        {
            ModelState.AddModelError("Form.KindId", "Bitte wählen Sie die Art der Vorlage.");
        }
        if (Form.TargetMeetingId is long meetingId && Choices.Meetings.All(m => m.Id != meetingId))
        {
            ModelState.AddModelError("Form.TargetMeetingId", "Diese Sitzung steht nicht mehr zur Auswahl.");
        }
        byte[]? upload = null;
        string? uploadText = null;
        if (HttpContext.Features.Get<OversizedUpload>() is { } tooLarge)
        {
            // The server read past the file (larger than it takes at all); the text fields are here.
            var message = tooLarge.Files.FirstOrDefault(f => f.Field == nameof(Attachment)) is { } file
                ? PdfUpload.TooLarge(file.FileName, file.Bytes, fileOptions.MaxUploadBytes)
                : tooLarge.Message;
            ModelState.AddModelError(nameof(Attachment), message + " Ihre übrigen Eingaben sind erhalten; bitte wählen Sie die Datei erneut.");
        }
        if (Attachment is not null)
        {
            (upload, uploadText, var error) = await PdfUpload.ReadAsync(Attachment, fileOptions.MaxUploadBytes, pdfText, cancellationToken);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Attachment), error + " Ihre übrigen Eingaben sind erhalten; bitte wählen Sie die Datei erneut.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var faction = await db.Organizations.SingleAsync(o => o.Id == actor.OrganizationId, cancellationToken);
        var trackedKind = await db.PaperKinds.SingleAsync(k => k.Id == kind!.Id, cancellationToken);
        var checks = await db.ImpactChecks.Where(c => c.Active).ToListAsync(cancellationToken);
        Form.ApplyTo(paper, trackedKind, checks, faction);
        if (upload is not null)
        {
            var stored = await files.SaveAsync(upload, cancellationToken);
            var fileName = UploadFileName.Clean(Attachment!.FileName, "anlage.pdf");
            paper.Files.Add(new DocumentFile
            {
                BodyId = paper.BodyId,
                Paper = paper,
                Role = FileRole.Auxiliary,
                Name = string.IsNullOrWhiteSpace(AttachmentName) ? Path.GetFileNameWithoutExtension(fileName) : AttachmentName.Trim(),
                // Checked by content: a PDF is named .pdf whatever the sender called it (plan.exe → plan.pdf).
                FileName = Path.ChangeExtension(fileName, ".pdf"),
                MimeType = "application/pdf",
                Size = stored.Size,
                Sha512Checksum = stored.Sha512,
                Text = uploadText,
                Public = paper.Public,
            });
        }
        if (paper.Id != 0)
        {
            // Stale edit: the save carries the revision the form was loaded with.
            db.Entry(paper).Property(p => p.Revision).OriginalValue = Form.Revision;
            db.Entry(paper).Property(p => p.Name).IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Die Vorlage wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind unten erhalten; bitte vergleichen Sie sie mit dem aktuellen Stand und speichern Sie erneut.");
            var current = await db.Papers.AsNoTracking().Where(p => p.Id == paper.Id).Select(p => p.Revision).FirstAsync(cancellationToken);
            Form.Revision = current;
            ModelState.Remove("Form.Revision");
            return Page();
        }
        TempData["Message"] = "Der Entwurf ist gespeichert.";
        return Redirect($"/arbeitsbereich/vorlagen/{paper.Id}");
    }
}
