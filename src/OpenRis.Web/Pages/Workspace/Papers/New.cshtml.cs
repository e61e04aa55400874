using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>A faction office starts a draft: Anfrage nach § 5 GeschO, Antrag or Vorschlag zur Tagesordnung.</summary>
[Authorize(Roles = nameof(RisRole.FactionOffice))]
public sealed class NewModel(RisDbContext db, FileStore files, FileStoreOptions fileOptions, PdfText pdfText) : PaperFormPageModel(db, files, fileOptions, pdfText)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Neue Vorlage";
        var actor = User.ToActor();
        Form.CertifierName = actor.Name;
        Form.CertifierFunction = actor.Function;
        await LoadChoicesAsync(cancellationToken);
        Form.KindId = Choices.Kinds.FirstOrDefault()?.Id ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Neue Vorlage";
        var actor = User.ToActor();
        var faction = await Db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == actor.OrganizationId, cancellationToken);
        if (faction is null)
        {
            return Forbid();
        }
        var paper = new Paper { BodyId = faction.BodyId, Status = PaperStatus.Draft, OwnerOrganizationId = faction.Id };
        paper.OriginatorOrganizations.Add(await Db.Organizations.SingleAsync(o => o.Id == faction.Id, cancellationToken));
        Db.Papers.Add(paper);
        return await SaveAsync(paper, cancellationToken);
    }
}
