using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Mail;

/// <summary>Adds mail rows to the caller's unit of work; the caller's SaveChanges queues them with its change.</summary>
public static class OutgoingMailExtensions
{
    /// <summary>
    /// Adds the mail unless one with its deduplication key is queued already (saved or in this unit
    /// of work). Returns whether it was added. The unique index still guards against a concurrent twin.
    /// </summary>
    public static async Task<bool> QueueAsync(this RisDbContext db, OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var key = mail.DeduplicationKey;
        if (db.OutgoingMails.Local.Any(m => m.DeduplicationKey == key)
            || await db.OutgoingMails.AnyAsync(m => m.DeduplicationKey == key, cancellationToken))
        {
            return false;
        }
        db.OutgoingMails.Add(mail);
        return true;
    }
}
