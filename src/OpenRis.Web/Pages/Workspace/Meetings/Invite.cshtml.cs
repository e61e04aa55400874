using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>
/// The invitation: checked against the body's Ladungsfrist (a late one only with a recorded
/// urgency), sent to the members and substitutes, and the public notice generated from the agenda.
/// </summary>
public sealed class InviteModel(RisDbContext db, TimeProvider clock, MeetingMails mails) : MeetingPageModel(db, clock)
{
    public InvitationCheck? Check { get; private set; }
    public DeadlineRule? Rule { get; private set; }
    public List<Membership> Recipients { get; private set; } = [];

    /// <summary>Public items whose paper the portal does not show yet (not released).</summary>
    public List<AgendaItem> PapersNotReady { get; private set; } = [];

    [BindProperty]
    public string? UrgencyReason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAllAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var queued = 0;
        var withoutAddress = Recipients.Select(m => m.Person).DistinctBy(p => p.Id).Count(p => p.Email.All(string.IsNullOrWhiteSpace));
        return await SaveAsync(async () =>
        {
            Meeting.Invite(Rule, Now, UrgencyReason);
            queued = await mails.InvitationAsync(Db, Meeting, Recipients, cancellationToken);
        }, () => $"Die Einladung ist versandt: {queued} E-Mails an Mitglieder und Stellvertretungen"
            + (withoutAddress > 0 ? $"; {withoutAddress} ohne E-Mail-Adresse (bitte auf anderem Weg laden)" : "") + ". Die Bekanntmachung ist erstellt.",
            $"/arbeitsbereich/sitzungen/{id}", cancellationToken);
    }

    private async Task<bool> LoadAllAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }
        ViewData["Title"] = $"Einladung: {ViewData["Title"]}";
        var rules = await Db.DeadlineRules.AsNoTracking().Where(r => r.BodyId == Meeting.BodyId).ToListAsync(cancellationToken);
        Rule = DeadlineRule.Resolve(rules, Meeting.BodyId, null);
        if (Meeting.Start is not null)
        {
            Check = Meeting.CheckInvitation(Rule, Berlin.ToOffset(Now));
        }
        Recipients = await MembersAsync(cancellationToken);
        PapersNotReady = Meeting.OrderedItems().Where(i => i.Public && i.Consultation?.Paper is { } p && !p.IsPubliclyVisible).ToList();
        return true;
    }
}
