using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Pages.Follow;

/// <summary>Follow a paper, a body or a saved search by e-mail: step one of the double opt-in.</summary>
public sealed class IndexModel(RisDbContext db, OParlOptions options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vorlage")]
    public long? PaperId { get; set; }

    [BindProperty(SupportsGet = true, Name = "gremium")]
    public long? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Query { get; set; }

    [BindProperty, Display(Name = "E-Mail-Adresse")]
    public string? Email { get; set; }

    [BindProperty]
    public int IntervalDays { get; set; } = 1;

    /// <summary>What is followed, as shown ("Vorlage 0930/2018 …"); null when the target is unknown or not public.</summary>
    public string? TargetName { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gesendet, CancellationToken cancellationToken)
    {
        Sent = gesendet;
        return await LoadTargetAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetAsync(cancellationToken))
        {
            return NotFound();
        }
        Model.Follow follow;
        try
        {
            follow = Model.Follow.Start(Email, Target, PaperId, OrganizationId, Query, IntervalDays, db.Clock.GetUtcNow().UtcDateTime);
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError(nameof(Email), e.Message);
            return Page();
        }
        // The follow and its confirmation mail are saved together: no mail without a follow, no follow without its mail.
        db.Follows.Add(follow);
        await db.QueueAsync(FollowMails.Confirmation(follow, TargetName!, options.BaseUrl, db.Clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { vorlage = PaperId, gremium = OrganizationId, suche = Query, gesendet = true });
    }

    private FollowTarget Target => PaperId is not null ? FollowTarget.Paper : OrganizationId is not null ? FollowTarget.Organization : FollowTarget.Search;

    private async Task<bool> LoadTargetAsync(CancellationToken cancellationToken)
    {
        TargetName = Target switch
        {
            FollowTarget.Paper => await db.Papers.AsNoTracking().PubliclyVisible().Where(p => p.Id == PaperId)
                .Select(p => "Vorlage " + ((p.Reference ?? p.ParentPaper!.Reference) == null ? "" : (p.Reference ?? p.ParentPaper!.Reference) + " ") + p.Name)
                .FirstOrDefaultAsync(cancellationToken),
            FollowTarget.Organization => await db.Organizations.AsNoTracking().Where(o => o.Id == OrganizationId && !o.Deleted)
                .Select(o => "Gremium " + o.Name).FirstOrDefaultAsync(cancellationToken),
            FollowTarget.Search => string.IsNullOrWhiteSpace(Query) ? null : $"Suche „{Query.Trim()}“",
        };
        ViewData["Title"] = TargetName is null ? "Benachrichtigung" : $"{TargetName} per E-Mail folgen";
        return TargetName is not null;
    }
}
