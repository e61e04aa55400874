using System.Globalization;
using System.Text;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Rendering;

namespace OpenRis.Web.Alerts;

/// <summary>The texts of the follow e-mails (German, plain text). Every mail carries its unsubscribe link.</summary>
public static class FollowMails
{
    public static string ConfirmUrl(Follow follow, string baseUrl) => $"{baseUrl}/folgen/bestaetigen/{follow.Token}";

    public static string UnsubscribeUrl(Follow follow, string baseUrl) => $"{baseUrl}/folgen/abmelden/{follow.Token}";

    public static OutgoingMail Confirmation(Follow follow, string targetName, string baseUrl, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine("Guten Tag,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Sie möchten per E-Mail über Änderungen informiert werden: {targetName}.").AppendLine()
            .AppendLine("Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link:")
            .AppendLine(ConfirmUrl(follow, baseUrl)).AppendLine()
            .AppendLine("Ohne Bestätigung erhalten Sie keine weiteren E-Mails. Falls Sie das nicht waren, ignorieren Sie diese Nachricht einfach.");
        return Mail(follow, $"follow:confirm:{follow.Token}", $"Bitte bestätigen: {targetName}", body, baseUrl, now);
    }

    /// <summary>One mail listing every change since the last digest, oldest first.</summary>
    public static OutgoingMail Digest(Follow follow, string targetName, IReadOnlyList<FollowChange> changes, string baseUrl, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine("Guten Tag,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"seit {Dates.DayAndTime(follow.LastDigestAt)} Uhr gibt es Neues zu: {targetName}").AppendLine();
        foreach (var change in changes.OrderBy(c => c.At).ThenBy(c => c.Text, StringComparer.Ordinal))
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- {Dates.Day(change.At)}: {change.Text}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {baseUrl}{change.Path}");
        }
        if (follow.Target == FollowTarget.Search)
        {
            // The digest lists what changed; the search itself shows every hit, newest first.
            body.AppendLine().AppendLine("Alle Treffer dieser Suche, die neuesten zuerst:")
                .AppendLine(CultureInfo.InvariantCulture, $"{baseUrl}/suche?{follow.Query}&sortierung=datum");
        }
        var subject = $"{changes.Count} {(changes.Count == 1 ? "Änderung" : "Änderungen")}: {targetName}";
        return Mail(follow, $"follow:digest:{follow.Id}:{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss}", subject, body, baseUrl, now);
    }

    private static OutgoingMail Mail(Follow follow, string key, string subject, StringBuilder body, string baseUrl, DateTimeOffset now)
    {
        body.AppendLine().AppendLine("-- ")
            .AppendLine("Diese Benachrichtigung abbestellen (ein Klick genügt):")
            .AppendLine(UnsubscribeUrl(follow, baseUrl));
        var mail = OutgoingMail.Create(key, follow.Email, null, subject, body.ToString(), now);
        mail.ListUnsubscribeUrl = UnsubscribeUrl(follow, baseUrl);
        return mail;
    }
}
