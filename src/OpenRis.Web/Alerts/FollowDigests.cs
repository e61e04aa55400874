using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.Search;

namespace OpenRis.Web.Alerts;

/// <summary>Queues the due digests: one mail per confirmed follow whose interval has passed and which has changes.</summary>
public static class FollowDigests
{
    public static async Task<int> QueueDueAsync(RisDbContext db, SearchService search, string baseUrl, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow();
        var utc = now.UtcDateTime;
        var follows = await db.Follows
            .Include(f => f.Paper).ThenInclude(p => p!.ParentPaper)
            .Include(f => f.Organization)
            .Where(f => f.ConfirmedAt != null && f.UnsubscribedAt == null)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var queued = 0;
        var indexed = search.IndexedPosition;
        var firstUnindexed = await db.SearchOutbox.AsNoTracking().Where(e => e.Id > indexed).OrderBy(e => e.Id)
            .Select(e => (DateTime?)e.At).FirstOrDefaultAsync(cancellationToken);
        foreach (var follow in follows.Where(f => f.IsDue(utc)))
        {
            var until = FollowChanges.Until(follow, utc, firstUnindexed);
            if (until <= follow.LastDigestAt)
            {
                // The index has not caught up with anything after the last digest: next time.
                continue;
            }
            var changes = await FollowChanges.SinceAsync(db, search, follow, follow.LastDigestAt!.Value, until, cancellationToken);
            if (changes.Count > 0)
            {
                if (await db.QueueAsync(FollowMails.Digest(follow, TargetName(follow), changes, baseUrl, now), cancellationToken))
                {
                    queued++;
                }
            }
            // Moved on even without changes, so the next digest never repeats a change.
            follow.LastDigestAt = until;
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>"Suche „Radweg“ (Art: Antrag)": how mails and the follow page name a saved search.</summary>
    public static string SearchName(string? savedSearch) =>
        "Suche " + (SearchRequest.FromSavedSearch(savedSearch).Request?.Describe() ?? $"„{savedSearch}“");

    private static string TargetName(Follow follow) => follow.Target switch
    {
        FollowTarget.Paper => $"Vorlage {follow.Paper!.DisplayReference} {follow.Paper.Name}".Replace("  ", " ", StringComparison.Ordinal),
        FollowTarget.Organization => $"Gremium {follow.Organization!.Name}",
        FollowTarget.Search => SearchName(follow.Query),
    };
}
