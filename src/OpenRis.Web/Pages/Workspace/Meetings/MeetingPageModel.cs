using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>
/// What every council-office page of one meeting does: load the meeting with its agenda, turn a
/// broken rule into a German error that keeps the input, and redirect after a successful post.
/// </summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public abstract class MeetingPageModel(RisDbContext db, TimeProvider clock) : PageModel
{
    protected RisDbContext Db => db;

    public Meeting Meeting { get; private set; } = null!;

    public string? Message => TempData["Message"] as string;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings
            .Include(m => m.Organizations).ThenInclude(o => o.Organization)
            .Include(m => m.Location)
            .Include(m => m.AgendaVersions)
            .Include(m => m.AgendaItems).ThenInclude(i => i.Consultation!).ThenInclude(c => c.Paper).ThenInclude(p => p.Kind)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return false;
        }
        Meeting = meeting;
        ViewData["Title"] = $"{meeting.Name} am {Rendering.Dates.Day(meeting.Start)}";
        return true;
    }

    /// <summary>The lead organization of the meeting (the body whose rules and members apply).</summary>
    protected Organization Lead => Meeting.Organizations.OrderBy(o => o.Position).First().Organization;

    /// <summary>Runs a model rule and saves; a broken rule or a concurrent change becomes a German error on the page.</summary>
    protected Task<IActionResult> SaveAsync(Action change, string message, string redirect, CancellationToken cancellationToken) =>
        SaveAsync(() =>
        {
            change();
            return Task.CompletedTask;
        }, () => message, redirect, cancellationToken);

    /// <summary>As above, for a change that also queues mails (an async step after the rule); the message may tell what it did.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> change, Func<string> message, string redirect, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is MeetingException or WorkflowException)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Die Sitzung wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu; Ihre Eingaben sind unten erhalten.");
            return Page();
        }
        TempData["Message"] = message();
        return Redirect(redirect);
    }

    /// <summary>Members and substitutes of the body on the meeting day, by name.</summary>
    protected Task<List<Membership>> MembersAsync(CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(Berlin.ToLocal(Meeting.Start ?? Now));
        var organizationId = Lead.Id;
        return db.Memberships.Include(m => m.Person)
            .Where(m => m.OrganizationId == organizationId && (m.StartDate == null || m.StartDate <= day) && (m.EndDate == null || day <= m.EndDate))
            .OrderBy(m => m.Person.FamilyName ?? m.Person.Name).ThenBy(m => m.Person.Name)
            .ToListAsync(cancellationToken);
    }
}
