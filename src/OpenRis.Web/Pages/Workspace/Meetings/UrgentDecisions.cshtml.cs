using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>
/// Urgent decisions (Dringlichkeitsentscheidungen, GO NRW § 60 Abs. 1): the council office records
/// what the mayor decided with one council member, and the decision goes onto the next council
/// meeting for approval (Genehmigung). It becomes public with the agenda (or addendum) that lists it.
/// </summary>
[Authorize(Roles = nameof(RisRole.CouncilOffice))]
public sealed class UrgentDecisionsModel(RisDbContext db, TimeProvider clock) : PageModel
{
    public const string KindKey = "urgent-decision";

    public sealed record Recorded(long PaperId, string? Reference, string Name, DateOnly? Date, PaperStatus Status, long? MeetingId, DateTime? MeetingStart, string? ItemNumber);

    public Meeting? NextMeeting { get; private set; }
    public List<Recorded> Decisions { get; private set; } = [];
    public string? Message => TempData["Message"] as string;

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    public string? MayorName { get; set; }

    [BindProperty]
    public string? MemberName { get; set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var council = await LoadAsync(cancellationToken);
        var kind = await db.PaperKinds.FirstOrDefaultAsync(k => k.Key == KindKey, cancellationToken);
        if (council is null || kind is null)
        {
            ModelState.AddModelError("", "Es ist kein Rat (Gremium der Art „Parlament“) oder keine Vorlagenart „Dringlichkeitsentscheidung“ eingerichtet.");
            return Page();
        }
        if (NextMeeting is not { } meeting)
        {
            ModelState.AddModelError("", "Es ist keine nächste Ratssitzung geplant. Bitte planen Sie zuerst die Sitzung, in der der Rat die Entscheidung genehmigt.");
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var paper = Paper.RecordUrgentDecision(kind, council.BodyId, Subject, Text, DecidedOn, MayorName, MemberName, Now, User.ToActor());
            paper.Reference = await PaperNumbering.NextAsync(db, kind.NumberSequence, Now, cancellationToken);
            var consultation = new Consultation { BodyId = paper.BodyId, Paper = paper };
            consultation.Organizations.Add(council);
            paper.Consultations.Add(consultation);
            var item = meeting.QueueUrgentDecision(consultation);
            db.Papers.Add(paper);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData["Message"] = item is null
                ? $"Die Dringlichkeitsentscheidung {paper.Reference} ist erfasst und für die Ratssitzung am {Rendering.Dates.Day(meeting.Start)} vorgesehen; sie wird beim Erstellen der Tagesordnung eingeordnet."
                : $"Die Dringlichkeitsentscheidung {paper.Reference} steht als TOP {item.Number} auf der Tagesordnung der Ratssitzung am {Rendering.Dates.Day(meeting.Start)}."
                    + (item.AddendumNumber is not null ? " Sie wird mit dem nächsten Nachtrag veröffentlicht." : "");
        }
        catch (Exception e) when (e is WorkflowException or MeetingException)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        return RedirectToPage();
    }

    /// <summary>Loads the council, its next meeting (tracked, with the agenda) and the recorded decisions; returns the council.</summary>
    private async Task<Organization?> LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Dringlichkeitsentscheidungen";
        var council = await db.Organizations.OrderBy(o => o.Id)
            .FirstOrDefaultAsync(o => o.OrganizationType == Organization.TypeCommittee && o.Classification == "Parlament", cancellationToken);
        Decisions = await db.Papers.AsNoTracking().Where(p => p.Kind.Key == KindKey).OrderByDescending(p => p.Id).Take(50)
            .Select(p => new Recorded(p.Id, p.Reference, p.Name, p.Date, p.Status,
                p.Consultations.Select(c => c.MeetingId).FirstOrDefault(),
                p.Consultations.Select(c => c.Meeting!.Start).FirstOrDefault(),
                p.Consultations.Select(c => c.AgendaItem!.Number).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        if (council is null)
        {
            return null;
        }
        var now = Now;
        var candidates = await db.Meetings
            .Where(m => m.Organizations.Any(o => o.OrganizationId == council.Id) && !m.Cancelled && m.MeetingState != MeetingState.Held && m.Start > now)
            .OrderBy(m => m.Start).Take(1)
            .Include(m => m.AgendaVersions)
            .Include(m => m.AgendaItems).ThenInclude(i => i.Consultation!).ThenInclude(c => c.Paper).ThenInclude(p => p.Kind)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        NextMeeting = Meeting.NextCouncilMeeting(candidates, now);
        return council;
    }
}
