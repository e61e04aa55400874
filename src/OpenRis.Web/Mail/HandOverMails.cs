using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Mail;

/// <summary>
/// The mails of the workflow's hand-overs and reminders, in German, each with a link to the paper's
/// workspace page. They are only added to the caller's unit of work: saved with the step they report.
/// Recipients are the accounts of the role and organization concerned that have an e-mail address.
/// </summary>
public sealed class HandOverMails(MailOptions options, OParlOptions oparl, TimeProvider clock)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private string Link(long paperId) => $"{(options.LinkBaseUrl ?? oparl.BaseUrl).TrimEnd('/')}/arbeitsbereich/vorlagen/{paperId}";

    // The subject ("hier: …") says what a paper is about; its name only says whose it is.
    private static string Title(Paper paper) => paper.DisplayReference is { } reference ? $"{reference} „{About(paper)}“" : $"„{About(paper)}“";

    private static string About(Paper paper) => string.IsNullOrWhiteSpace(paper.Subject) ? paper.Name : paper.Subject;

    /// <summary>A faction filed a paper: every council office account hears of it.</summary>
    public async Task SubmittedAsync(RisDbContext db, Paper paper, CancellationToken cancellationToken)
    {
        var faction = paper.OriginatorOrganizations.FirstOrDefault()?.Name ?? "Eine Fraktion";
        await QueueToAsync(db, u => u.Role == RisRole.CouncilOffice, $"submitted:{paper.Id}",
            $"Neu eingereicht: {About(paper)}",
            $"{faction} hat „{About(paper)}“ ({paper.Kind.Name}) eingereicht. Bitte prüfen und registrieren Sie die Vorlage.",
            paper.Id, cancellationToken);
    }

    /// <summary>The council office routed a paper: the clerks of the lead and of each co-signing office.</summary>
    public async Task AssignedAsync(RisDbContext db, Paper paper, CancellationToken cancellationToken)
    {
        foreach (var office in paper.Offices)
        {
            var due = office.DueDate is { } d ? $" Frist: {d.ToString("dd.MM.yyyy", German)}." : "";
            var (subject, text) = office.Role == OfficeRole.Lead
                ? ($"Zur Beantwortung: {Title(paper)}", $"Ihrer Dienststelle ist {Title(paper)} federführend zugewiesen. Bitte entwerfen Sie die Stellungnahme.{due}")
                : ($"Zur Mitzeichnung: {Title(paper)}", $"Ihre Dienststelle ist an {Title(paper)} beteiligt und zeichnet die Stellungnahme mit.{due}");
            var organizationId = office.OrganizationId;
            await QueueToAsync(db, u => u.Role == RisRole.DepartmentClerk && u.OrganizationId == organizationId,
                $"assigned:{paper.Id}:{organizationId}", subject, text, paper.Id, cancellationToken);
        }
    }

    /// <summary>The answer to a faction's paper is released: the faction office hears of it.</summary>
    public async Task AnsweredAsync(RisDbContext db, Paper inquiry, Paper statement, CancellationToken cancellationToken)
    {
        var faction = inquiry.OwnerOrganizationId;
        if (faction is null)
        {
            return;
        }
        await QueueToAsync(db, u => u.Role == RisRole.FactionOffice && u.OrganizationId == faction, $"answered:{inquiry.Id}",
            $"Beantwortet: {Title(inquiry)}",
            $"Die Verwaltung hat {Title(inquiry)} beantwortet. Anfrage und Stellungnahme sind veröffentlicht.",
            inquiry.Id, cancellationToken, statement.Id);
    }

    /// <summary>A reminder before a due date; <paramref name="key"/> names the due item and date, so it is queued once.</summary>
    public Task ReminderAsync(RisDbContext db, long organizationId, string key, Paper paper, string what, DateOnly due, CancellationToken cancellationToken) =>
        QueueToAsync(db, u => u.Role == RisRole.DepartmentClerk && u.OrganizationId == organizationId, $"reminder:{key}:{due:yyyy-MM-dd}",
            $"Erinnerung: {what} bis {due.ToString("dd.MM.yyyy", German)} – {Title(paper)}",
            $"Erinnerung: {what} zu {Title(paper)} ist am {due.ToString("dddd, dd.MM.yyyy", German)} fällig.",
            paper.Id, cancellationToken);

    private async Task QueueToAsync(RisDbContext db, System.Linq.Expressions.Expression<Func<RisUser, bool>> recipients, string key,
        string subject, string text, long paperId, CancellationToken cancellationToken, long? linkPaperId = null)
    {
        var users = await db.Users.AsNoTracking().Where(recipients).Where(u => u.Email != null)
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // A locked account (left, or locked by the administrator) gets no mail; SQLite cannot compare offsets, so filtered here.
        foreach (var user in users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now))
        {
            var body = $"Guten Tag {user.DisplayName},\n\n{text}\n\nZur Vorlage im Arbeitsbereich:\n{Link(linkPaperId ?? paperId)}\n\n"
                + "Diese Nachricht wurde vom Ratsinformationssystem automatisch versandt.\n";
            await db.QueueAsync(OutgoingMail.Create($"{key}:user:{user.Id}", user.Email!, user.DisplayName, subject, body, now), cancellationToken);
        }
    }
}
