using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;
using OpenRis.Web.Search;

namespace OpenRis.Web.Pages.Follow;

/// <summary>Follow a paper, a body or a saved search by e-mail: step one of the double opt-in.</summary>
public sealed class IndexModel(RisDbContext db, OParlOptions options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vorlage")]
    public long? PaperId { get; set; }

    [BindProperty(SupportsGet = true, Name = "gremium")]
    public long? OrganizationId { get; set; }

    /// <summary>The saved search: the query string of <c>/suche</c> (words and filters), or plain search words.</summary>
    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Query { get; set; }

    [BindProperty, Display(Name = "E-Mail-Adresse")]
    public string? Email { get; set; }

    [BindProperty]
    public int IntervalDays { get; set; } = 1;

    /// <summary>What is followed, as shown ("Vorlage 0930/2018 …"); null when the target is unknown or not public.</summary>
    public string? TargetName { get; private set; }

    public bool Sent { get; private set; }

    /// <summary>The followed search, read from <see cref="Query"/>; null for other targets or when it is not valid.</summary>
    public SearchRequest? Search { get; private set; }

    /// <summary>Why this search cannot be followed (German); the page then shows no form.</summary>
    public string? SearchError { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gesendet, CancellationToken cancellationToken)
    {
        Sent = gesendet;
        if (!await LoadTargetAsync(cancellationToken))
        {
            return NotFound();
        }
        if (SearchError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetAsync(cancellationToken))
        {
            return NotFound();
        }
        if (SearchError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Model.Follow follow;
        try
        {
            follow = Model.Follow.Start(Email, Target, PaperId, OrganizationId, Search?.ToSavedSearch(), IntervalDays, db.Clock.GetUtcNow().UtcDateTime);
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
        return RedirectToPage(new { vorlage = PaperId, gremium = OrganizationId, suche = Search?.ToSavedSearch(), gesendet = true });
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
            // "?suche=" with nothing after it is a search without words: it gets its German message, not a 404.
            FollowTarget.Search => Query is null && !Request.Query.ContainsKey("suche") ? null : LoadSearch(),
        };
        ViewData["Title"] = TargetName is null ? "Benachrichtigung" : $"{TargetName} per E-Mail folgen";
        return TargetName is not null;
    }

    /// <summary>Reads the saved search; a search that cannot be followed gets a German reason instead of a form.</summary>
    private string LoadSearch()
    {
        // "?suche=Radweg" (plain words, as in older links) is a search for these words.
        var query = Query ?? "";
        var saved = query.Contains('=', StringComparison.Ordinal) ? query : "q=" + Uri.EscapeDataString(query.Trim());
        var (request, errors) = SearchRequest.FromSavedSearch(saved);
        if (request is null)
        {
            SearchError = string.Join(" ", errors);
        }
        else if (request.Query.Length == 0)
        {
            SearchError = "Bitte geben Sie einen Suchbegriff ein: Einer leeren Suche lässt sich nicht per E-Mail folgen.";
        }
        else if (request.ToSavedSearch().Length > Model.Follow.MaxQueryLength)
        {
            SearchError = $"Diese Suche ist zu lang, um ihr per E-Mail zu folgen (höchstens {Model.Follow.MaxQueryLength} Zeichen mit allen Filtern). Bitte kürzen Sie den Suchbegriff oder entfernen Sie Filter.";
        }
        else
        {
            Search = request;
        }
        return request is null ? "Suche" : FollowDigests.SearchName(request.ToSavedSearch());
    }
}
