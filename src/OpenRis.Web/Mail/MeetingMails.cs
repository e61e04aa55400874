using System.Globalization;
using System.Text;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Mail;

/// <summary>
/// The invitation (GO NRW § 47), each later Nachtrag, a move and a cancellation by e-mail to the
/// members and substitutes of the body, addressed to their persons' e-mail addresses. Only added to the caller's unit of
/// work, so a refused invitation queues nothing. The mail lists the public items and links the
/// portal, where the papers are (Hagen GeschO: papers in the RIS at the time of the invitation);
/// titles of non-public items are not sent by e-mail, only their number.
/// </summary>
public sealed class MeetingMails(MailOptions options, OParlOptions oparl, TimeProvider clock)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private string BaseUrl => (options.LinkBaseUrl ?? oparl.BaseUrl).TrimEnd('/');

    /// <summary>Queues one invitation per person with an address; returns how many were queued.</summary>
    public Task<int> InvitationAsync(RisDbContext db, Meeting meeting, IEnumerable<Membership> recipients, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"hiermit lade ich Sie zur {meeting.Name} am {When(meeting)} ein.\n");
        if (meeting.UrgencyReason is { } urgency)
        {
            text.Append(CultureInfo.InvariantCulture, $"Die Ladungsfrist ist wegen Dringlichkeit verkürzt: {urgency}\n");
        }
        Agenda(text, meeting, addendum: null);
        return QueueAsync(db, recipients, $"invitation:{meeting.Id}:{meeting.Sequence}:{meeting.InvitedAt:yyyyMMddHHmmss}",
            $"Einladung: {meeting.Name} am {Day(meeting)}", text.ToString(), cancellationToken);
    }

    /// <summary>Queues the addendum (Nachtrag) <paramref name="version"/> to a meeting already invited to.</summary>
    public Task<int> AddendumAsync(RisDbContext db, Meeting meeting, AgendaVersion version, IEnumerable<Membership> recipients, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"zur {meeting.Name} am {When(meeting)} ist der {version.Title} erschienen.\n");
        Agenda(text, meeting, addendum: version.Number - 1);
        return QueueAsync(db, recipients, $"addendum:{meeting.Id}:{version.Number}",
            $"{version.Title}: {meeting.Name} am {Day(meeting)}", text.ToString(), cancellationToken);
    }

    /// <summary>
    /// Tells the members of a move or cancellation (with its reason, as the model promises); sent only
    /// when they had been invited, since before that they know nothing of the date.
    /// </summary>
    public Task<int> RescheduledAsync(RisDbContext db, Meeting meeting, IEnumerable<Membership> recipients, CancellationToken cancellationToken)
    {
        var (subject, text) = meeting.Cancelled
            ? ($"Abgesagt: {meeting.Name} am {Day(meeting)}",
                $"die {meeting.Name} am {When(meeting)} ist abgesagt.\nGrund: {meeting.ChangeReason}\n")
            : ($"Verlegt: {meeting.Name}, neuer Termin {Day(meeting)}",
                $"die {meeting.Name} ist verlegt vom {(meeting.PreviousStart is { } p ? Berlin.ToLocal(p).ToString("dd.MM.yyyy, HH:mm 'Uhr'", German) : "")} auf {When(meeting)}.\n"
                + $"Grund: {meeting.ChangeReason}\nDie Einladung zum neuen Termin folgt gesondert.\n");
        text += $"\n{BaseUrl}/sitzungen/{meeting.Id}\n";
        return QueueAsync(db, recipients, $"rescheduled:{meeting.Id}:{meeting.Sequence}", subject, text, cancellationToken);
    }

    private void Agenda(StringBuilder text, Meeting meeting, int? addendum)
    {
        var items = meeting.OrderedItems().Where(i => addendum is null || i.AddendumNumber == addendum).ToList();
        text.Append(addendum is null ? "\nTagesordnung, öffentlicher Teil:\n" : "\nNeu auf der Tagesordnung:\n");
        foreach (var item in items.Where(i => i.Public))
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Number} {item.Name}{(item.Consultation?.Paper.Reference is { } r ? $" (Drucksache {r})" : "")}\n");
        }
        if (items.Where(i => !i.Public).Select(i => i.Number).ToList() is { Count: > 0 } closed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNichtöffentlicher Teil: {string.Join(", ", closed)} (die Gegenstände nennt diese E-Mail nicht).\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nTagesordnung und Unterlagen im Ratsinformationssystem:\n{BaseUrl}/sitzungen/{meeting.Id}\n");
        text.Append(CultureInfo.InvariantCulture, $"Sitzungsmappe (PDF): {BaseUrl}/sitzungen/{meeting.Id}/mappe.pdf\n");
    }

    private async Task<int> QueueAsync(RisDbContext db, IEnumerable<Membership> recipients, string key, string subject, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        // A person holding two posts in the body (chair and member) gets one mail.
        foreach (var person in recipients.Select(m => m.Person).DistinctBy(p => p.Id))
        {
            if (person.Email.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)) is not { } address)
            {
                continue;
            }
            var salutation = person.FormOfAddress switch
            {
                "Frau" => $"Sehr geehrte Frau {person.FamilyName ?? person.Name}",
                "Herr" => $"Sehr geehrter Herr {person.FamilyName ?? person.Name}",
                _ => $"Guten Tag {person.Name}",
            };
            var body = $"{salutation},\n\n{text}\nDiese Nachricht wurde vom Ratsinformationssystem automatisch versandt.\n";
            if (await db.QueueAsync(OutgoingMail.Create($"{key}:person:{person.Id}", address.Trim(), person.Name, subject, body, now), cancellationToken))
            {
                queued++;
            }
        }
        return queued;
    }

    private static string Day(Meeting meeting) => meeting.Start is { } s ? Berlin.ToLocal(s).ToString("dd.MM.yyyy", German) : "";

    private static string When(Meeting meeting)
    {
        var start = meeting.Start is { } s ? Berlin.ToLocal(s).ToString("dddd, dd.MM.yyyy, 'um' HH:mm 'Uhr'", German) : "";
        var place = meeting.Location is { } l ? $", {l.Description ?? l.Room}{(l.StreetAddress is { } street ? $", {street}" : "")}" : "";
        return start + place;
    }
}
