using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Search;

namespace OpenRis.Web.Alerts;

/// <summary>
/// What a followed saved search reports between two digests. The database says which papers changed in the
/// window (a new or newly published paper, a consultation, a file, a result, a statement); the index says
/// which of them the saved search finds now, as an anonymous visitor; the database checks them once more
/// against the public rules. A paper published inside the window is a new hit; a paper published before it
/// was a hit already (or could have been), so only its changes are reported, never again as new. Windows
/// follow each other without gap or overlap, so nothing is reported twice.
/// </summary>
public static class SavedSearchChanges
{
    /// <summary>
    /// How long after a change a digest reports it: the index follows the database by a moment (and on
    /// PostgreSQL by up to the indexer's look-back window), and a change must be searchable before its
    /// window is closed for good.
    /// </summary>
    public static readonly TimeSpan IndexLag = TimeSpan.FromMinutes(2);

    /// <summary>At most this many hits per digest, newest first; the mail links to the search for the rest.</summary>
    public const int MaxHits = 200;

    public static async Task<List<FollowChange>> SinceAsync(RisDbContext db, SearchService search, Follow follow, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var (request, _) = SearchRequest.FromSavedSearch(follow.Query);
        if (request is null)
        {
            return [];
        }
        var candidates = await ChangedPapersAsync(db, since, until, cancellationToken);
        var matching = search.MatchingPapers(request, candidates);
        if (matching.Count == 0)
        {
            return [];
        }
        // The index may lag the database: only what is public now, by the same rule as the paper page. In
        // chunks: a window after a bulk import holds more papers than SQLite takes parameters (32,766).
        var visible = new List<(long Id, DateTime Modified)>();
        foreach (var chunk in matching.Chunk(1000))
        {
            visible.AddRange((await db.Papers.AsNoTracking().PubliclyVisible().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.Modified }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Modified)));
        }
        var newest = visible.OrderByDescending(p => p.Modified).ThenByDescending(p => p.Id).Take(MaxHits).Select(p => p.Id).ToList();
        var papers = await db.Papers.AsNoTracking().PubliclyVisible().Where(p => newest.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Modified,
                Reference = p.Reference ?? p.ParentPaper!.Reference,
                PublishedAt = p.Created > since && p.Created <= until
                    ? p.Created
                    : p.Transitions.Where(t => t.To == PaperStatus.Published && t.At > since && t.At <= until).Max(t => (DateTime?)t.At),
            })
            .OrderByDescending(p => p.Modified).ThenByDescending(p => p.Id).Take(MaxHits)
            .ToListAsync(cancellationToken);

        var changes = new List<FollowChange>();
        foreach (var paper in papers)
        {
            var title = paper.Reference is null ? paper.Name : $"{paper.Reference} {paper.Name}";
            if (paper.PublishedAt is { } published)
            {
                changes.Add(new FollowChange(published, $"Neuer Treffer: {title}", $"/vorlagen/{paper.Id}"));
                continue;
            }
            foreach (var change in await FollowChanges.PaperAsync(db, paper.Id, since, until, cancellationToken))
            {
                changes.Add(change with { Text = $"{title} – {change.Text}" });
            }
        }
        return changes;
    }

    /// <summary>
    /// Papers with a change a digest reports, from the data: the paper itself (created, published, edited, or
    /// bumped by a new consultation or file, <see cref="RisDbContext"/>), a result of its consultation, a
    /// statement answering it. Visibility is checked later, on the few the search finds.
    /// </summary>
    private static async Task<List<long>> ChangedPapersAsync(RisDbContext db, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var touched = await db.Papers.AsNoTracking().Where(p => p.Modified > since && p.Modified <= until)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var decided = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Consultation != null && i.Result != null && i.Modified > since && i.Modified <= until)
            .Select(i => i.Consultation!.PaperId).ToListAsync(cancellationToken);
        var answered = await db.Papers.AsNoTracking()
            .Where(p => p.ParentPaperId != null && p.Modified > since && p.Modified <= until)
            .Select(p => p.ParentPaperId!.Value).ToListAsync(cancellationToken);
        return [.. touched.Concat(decided).Concat(answered).Distinct()];
    }
}
