using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents.Import;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Import;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Import;

/// <summary>The council office uploads legacy documents and sees the proposals waiting for review.</summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
// Several files of up to SourceText.MaxBytes each; larger requests are cut off by the server before they are read.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(RisDbContext db, PdfText pdfText) : PageModel
{
    private const long UploadLimit = 5 * SourceText.MaxBytes;

    public List<ImportProposal> Proposals { get; private set; } = [];
    public List<ImportOutcome> Outcomes { get; private set; } = [];

    [BindProperty]
    public List<IFormFile> Upload { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Bitte wählen Sie mindestens eine Datei (PDF, Markdown oder Text).");
        }
        var actor = User.ToActor();
        foreach (var file in Upload)
        {
            var name = UploadFileName.Clean(file.FileName, "ohne Namen");
            if (!DocumentImport.Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            {
                Outcomes.Add(new(name, ImportOutcomeKind.Rejected, "nur PDF-, Markdown- und Textdateien (.pdf, .md, .txt) werden eingelesen"));
                continue;
            }
            if (file.Length > SourceText.MaxBytes)
            {
                Outcomes.Add(new(name, ImportOutcomeKind.Rejected, $"größer als {SourceText.MaxBytes / (1024 * 1024)} MB"));
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            Outcomes.Add(await DocumentImport.ProposeAsync(db, pdfText, buffer.ToArray(), name, "Hochladen", actor.Name, cancellationToken));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        // Open proposals first, then the latest decisions; the long texts stay in the database.
        Proposals = await db.ImportProposals
            .OrderBy(p => p.Status == ImportProposalStatus.Pending ? 0 : 1).ThenByDescending(p => p.Id)
            .Take(200)
            .Select(p => new ImportProposal { Id = p.Id, FileName = p.FileName, Status = p.Status, Confidence = p.Confidence, CreatedAt = p.CreatedAt, Channel = p.Channel, PapersJson = p.PapersJson })
            .ToListAsync(cancellationToken);
}
