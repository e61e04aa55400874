using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Rendering;
using OpenRis.Web.Search;

namespace OpenRis.Web.Alerts;

/// <summary>One public change to report in a digest; <see cref="Path"/> is the portal page to read it on.</summary>
public sealed record FollowChange(DateTime At, string Text, string Path);

/// <summary>
/// What changed for a follow between two moments, read from the data itself (created/modified stamps kept by
/// <see cref="RisDbContext"/> and the workflow's transitions), never from hand-made events. Every query applies
/// the same visibility rules as the public pages, so a non-public change yields nothing.
/// </summary>
public static class FollowChanges
{
    public static Task<List<FollowChange>> SinceAsync(RisDbContext db, SearchService search, Follow follow, DateTime since, DateTime until, CancellationToken cancellationToken) => follow.Target switch
    {
        FollowTarget.Paper => PaperAsync(db, follow.PaperId!.Value, since, until, cancellationToken),
        FollowTarget.Organization => OrganizationAsync(db, follow.OrganizationId!.Value, since, until, cancellationToken),
        FollowTarget.Search => SavedSearchChanges.SinceAsync(db, search, follow, since, until, cancellationToken),
    };

    /// <summary>
    /// The moment up to which a digest reports: now, and for a saved search a little earlier, so that
    /// every change in its window is already in the search index (<see cref="SavedSearchChanges.IndexLag"/>),
    /// and never beyond the oldest change the index has not applied yet (<paramref name="firstUnindexed"/>:
    /// an indexer held up by a rebuild or a bulk import), which would otherwise be passed over for good.
    /// </summary>
    public static DateTime Until(Follow follow, DateTime now, DateTime? firstUnindexed = null)
    {
        if (follow.Target != FollowTarget.Search)
        {
            return now;
        }
        var until = now - SavedSearchChanges.IndexLag;
        return firstUnindexed is { } pending && pending <= until ? pending.AddTicks(-1) : until;
    }

    /// <summary>The public changes of one paper; also what a saved search reports for a paper it found before.</summary>
    public static async Task<List<FollowChange>> PaperAsync(RisDbContext db, long paperId, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        if (!await db.Papers.PubliclyVisible().AnyAsync(p => p.Id == paperId, cancellationToken))
        {
            return [];
        }
        var changes = new List<FollowChange>();
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.PaperId == paperId && !c.Deleted && c.Created > since && c.Created <= until && (c.Meeting == null || c.Meeting.Public))
            .Select(c => new { c.Created, c.MeetingId, Meeting = c.Meeting == null ? null : c.Meeting.Name, Start = c.Meeting == null ? null : c.Meeting.Start })
            .ToListAsync(cancellationToken);
        changes.AddRange(consultations.Select(c => new FollowChange(c.Created,
            c.Meeting is null ? "Neu in der Beratungsfolge (Sitzung noch offen)" : $"Neu in der Beratungsfolge: {c.Meeting} am {Dates.Day(c.Start)}",
            c.MeetingId is { } m ? $"/sitzungen/{m}" : $"/vorlagen/{paperId}")));

        var files = await db.Files.AsNoTracking()
            .Where(f => f.PaperId == paperId && f.Public && !f.Deleted && f.Created > since && f.Created <= until)
            .Select(f => new { f.Created, f.Id, f.Name }).ToListAsync(cancellationToken);
        changes.AddRange(files.Select(f => new FollowChange(f.Created, $"Neues Dokument: {f.Name}", $"/vorlagen/{paperId}")));

        var results = await db.AgendaItems.AsNoTracking().PubliclyListed()
            .Where(i => i.Consultation != null && i.Consultation.PaperId == paperId && i.Meeting.Public
                && i.Result != null && i.Modified > since && i.Modified <= until)
            .Select(i => new { i.Modified, i.MeetingId, i.Result, Meeting = i.Meeting.Name, i.Meeting.Start }).ToListAsync(cancellationToken);
        changes.AddRange(results.Select(r => new FollowChange(r.Modified, $"Ergebnis in der {r.Meeting} am {Dates.Day(r.Start)}: {r.Result}", $"/sitzungen/{r.MeetingId}")));

        var statements = await db.Papers.AsNoTracking().PubliclyVisible()
            .Where(p => p.ParentPaperId == paperId && p.Modified > since && p.Modified <= until)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Modified,
                Released = p.Transitions.Any(t => t.To == PaperStatus.Published && t.At > since && t.At <= until) || p.Created > since,
            }).ToListAsync(cancellationToken);
        changes.AddRange(statements.Select(s => new FollowChange(s.Modified,
            $"{(s.Released ? "Veröffentlicht" : "Aktualisiert")}: {s.Name}", $"/vorlagen/{s.Id}")));
        return changes;
    }

    private static async Task<List<FollowChange>> OrganizationAsync(RisDbContext db, long organizationId, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var changes = new List<FollowChange>();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Public && !m.Deleted && m.Organizations.Any(o => o.OrganizationId == organizationId));
        var newMeetings = await meetings.Where(m => m.Created > since && m.Created <= until)
            .Select(m => new { m.Id, m.Name, m.Start, m.Created }).ToListAsync(cancellationToken);
        changes.AddRange(newMeetings.Select(m => new FollowChange(m.Created, $"Neue Sitzung: {m.Name} am {Dates.Day(m.Start)}", $"/sitzungen/{m.Id}")));

        var listedItems = db.AgendaItems.PubliclyListed();
        var meetingFiles = await db.Files.AsNoTracking()
            .Where(f => f.Public && !f.Deleted && f.Created > since && f.Created <= until)
            .Where(f => meetings.Any(m => m.Id == f.MeetingId) || (f.AgendaItem != null && listedItems.Any(i => i.Id == f.AgendaItemId && meetings.Any(m => m.Id == i.MeetingId))))
            .Select(f => new { f.Created, f.Name, MeetingId = f.MeetingId ?? f.AgendaItem!.MeetingId }).ToListAsync(cancellationToken);
        changes.AddRange(meetingFiles.Select(f => new FollowChange(f.Created, $"Neues Sitzungsdokument: {f.Name}", $"/sitzungen/{f.MeetingId}")));

        var results = await db.AgendaItems.AsNoTracking().PubliclyListed()
            .Where(i => i.Result != null && i.Modified > since && i.Modified <= until && meetings.Any(m => m.Id == i.MeetingId))
            .Select(i => new { i.Modified, i.MeetingId, i.Number, i.Name, i.Result }).ToListAsync(cancellationToken);
        changes.AddRange(results.Select(r => new FollowChange(r.Modified, $"Ergebnis zu TOP {r.Number} {r.Name}: {r.Result}", $"/sitzungen/{r.MeetingId}")));

        var rescheduled = await meetings.Where(m => m.ChangedAt > since && m.ChangedAt <= until)
            .Select(m => new { m.Id, m.Name, m.Start, m.PreviousStart, m.Cancelled, m.ChangeReason, ChangedAt = m.ChangedAt!.Value }).ToListAsync(cancellationToken);
        changes.AddRange(rescheduled.Select(m => new FollowChange(m.ChangedAt,
            m.Cancelled
                ? $"Abgesagt: {m.Name} am {Dates.Day(m.Start)}. Grund: {m.ChangeReason}"
                : $"Verlegt: {m.Name} vom {Dates.DayAndTime(m.PreviousStart)} Uhr auf den {Dates.DayAndTime(m.Start)} Uhr. Grund: {m.ChangeReason}",
            $"/sitzungen/{m.Id}")));

        var versions = await db.AgendaVersions.AsNoTracking()
            .Where(v => v.PublishedAt > since && v.PublishedAt <= until && meetings.Any(m => m.Id == v.MeetingId))
            .Select(v => new { v.MeetingId, v.Number, v.PublishedAt, v.Meeting.Name, v.Meeting.Start }).ToListAsync(cancellationToken);
        changes.AddRange(versions.Select(v => new FollowChange(v.PublishedAt,
            v.Number == 1 ? $"Tagesordnung veröffentlicht: {v.Name} am {Dates.Day(v.Start)}" : $"{v.Number - 1}. Nachtrag zur Tagesordnung: {v.Name} am {Dates.Day(v.Start)}",
            $"/sitzungen/{v.MeetingId}")));

        // Only what the public may read: the published minutes' public part; a correction names the minutes it corrects.
        var minutes = await db.Minutes.AsNoTracking()
            .Where(n => n.PublishedAt > since && n.PublishedAt <= until && meetings.Any(m => m.Id == n.MeetingId))
            .Select(n => new { n.MeetingId, PublishedAt = n.PublishedAt!.Value, n.Meeting.Name, n.Meeting.Start, CorrectedMeetingId = n.Corrects == null ? (long?)null : n.Corrects.MeetingId, CorrectedStart = n.Corrects == null ? null : n.Corrects.Meeting.Start })
            .ToListAsync(cancellationToken);
        changes.AddRange(minutes.Select(n => n.CorrectedMeetingId is { } corrected
            ? new FollowChange(n.PublishedAt, $"Niederschrift vom {Dates.Day(n.CorrectedStart)} berichtigt (Beschluss in der Sitzung am {Dates.Day(n.Start)})", $"/sitzungen/{corrected}")
            : new FollowChange(n.PublishedAt, $"Niederschrift veröffentlicht: {n.Name} am {Dates.Day(n.Start)}", $"/sitzungen/{n.MeetingId}")));

        // A paper is new in this body when a consultation by it (or at one of its meetings) was added.
        var papers = await db.Consultations.AsNoTracking()
            .Where(c => !c.Deleted && c.Created > since && c.Created <= until
                && (c.Organizations.Any(o => o.Id == organizationId) || (c.Meeting != null && c.Meeting.Organizations.Any(o => o.OrganizationId == organizationId)))
                && (c.Meeting == null || c.Meeting.Public)
                && c.Paper.Public && c.Paper.Status == PaperStatus.Published && !c.Paper.Deleted)
            .Select(c => new { c.Created, c.PaperId, c.Paper.Name, Reference = c.Paper.Reference ?? c.Paper.ParentPaper!.Reference })
            .ToListAsync(cancellationToken);
        changes.AddRange(papers.DistinctBy(p => p.PaperId).Select(p => new FollowChange(p.Created,
            $"Neue Vorlage in der Beratung: {(p.Reference is null ? "" : p.Reference + " ")}{p.Name}", $"/vorlagen/{p.PaperId}")));
        return changes;
    }
}
