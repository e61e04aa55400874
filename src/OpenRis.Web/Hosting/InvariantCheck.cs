using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;
using OpenRis.Web.Search;

namespace OpenRis.Web.Hosting;

/// <summary>
/// What must hold after any crash: no half-written paper (a state without what that state needs),
/// no file row without its content and no content without a row (orphan), no object OParl serves
/// without its current document, no import row without its object, and a search index that
/// has applied the whole outbox and holds exactly the documents the database says it should.
/// Each finding is one German line for the operator.
/// </summary>
public static class InvariantCheck
{
    public static async Task<List<string>> PapersAsync(RisDbContext db, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var papers = await db.Papers.AsNoTracking().Include(p => p.Kind)
            .Select(p => new
            {
                p.Id,
                p.Reference,
                p.Status,
                p.ReceivedAt,
                p.ParentPaperId,
                Statement = p.Kind.AnswersQuestions,
                Last = db.PaperTransitions.Where(t => t.PaperId == p.Id).OrderByDescending(t => t.Id).Select(t => (PaperStatus?)t.To).FirstOrDefault(),
                Versions = db.PaperVersions.Count(v => v.PaperId == p.Id),
            })
            .ToListAsync(cancellationToken);
        foreach (var paper in papers)
        {
            var name = paper.Reference ?? $"#{paper.Id}";
            if (paper.Last is { } last && last != paper.Status)
            {
                findings.Add($"Vorlage {name}: Status {paper.Status}, aber der letzte Übergang endet in {last}.");
            }
            if (paper.Statement)
            {
                if (paper.ParentPaperId is null)
                {
                    findings.Add($"Stellungnahme {name}: ohne die Vorlage, die sie beantwortet.");
                }
                continue;
            }
            // Demo and imported papers come without a filing history; a filed one has its receipt stamp.
            if (paper.Last is not null && paper.Status != PaperStatus.Draft && paper.ReceivedAt is null)
            {
                findings.Add($"Vorlage {name}: eingereicht, aber ohne Eingangszeit.");
            }
            if (paper.Last is not null && paper.Status != PaperStatus.Draft && paper.Versions == 0)
            {
                findings.Add($"Vorlage {name}: eingereicht, aber ohne die bei Einreichung eingefrorene Fassung.");
            }
            if (paper.Status is PaperStatus.Registered or PaperStatus.Published && paper.Last is not null && paper.Reference is null)
            {
                findings.Add($"Vorlage {name}: registriert, aber ohne Drucksachennummer.");
            }
        }
        return findings;
    }

    /// <summary>
    /// Every object OParl serves has its stored document as rendering it now would give, and every row
    /// of an OParl import names an object that exists: a write that committed half would leave one
    /// without the other.
    /// </summary>
    public static async Task<List<string>> OParlAsync(RisDbContext db, OParlProjection projection, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var state = await db.Set<OParlProjectionState>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (state is not null && state.BaseUrl == projection.Options.BaseUrl && state.Version == OParlProjection.Version)
        {
            foreach (var (type, id, missing) in await projection.StaleAsync(db, cancellationToken))
            {
                findings.Add(missing ? $"OParl: {type} {id} ohne gespeichertes Dokument." : $"OParl: {type} {id}: gespeichertes Dokument nicht auf dem Stand der Datenbank.");
            }
        }
        var imported = await db.Set<OParlImportedObject>().AsNoTracking().Select(o => new { o.Type, o.EntityId, o.SourceUrl }).ToListAsync(cancellationToken);
        foreach (var group in imported.GroupBy(o => o.Type))
        {
            var ids = group.Select(o => o.EntityId).ToList();
            var existing = new HashSet<long>();
            foreach (var chunk in ids.Chunk(1000))
            {
                existing.UnionWith(await ImportedIdsAsync(db, group.Key, [.. chunk], cancellationToken));
            }
            findings.AddRange(group.Where(o => !existing.Contains(o.EntityId)).Select(o => $"OParl-Import: {o.Type} {o.SourceUrl} verweist auf {o.EntityId}, das es nicht gibt."));
        }
        return findings;
    }

    private static Task<List<long>> ImportedIdsAsync(RisDbContext db, string type, List<long> ids, CancellationToken ct) => type switch
    {
        "body" => db.Bodies.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "legislativeTerm" => db.LegislativeTerms.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "location" => db.Locations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "organization" => db.Organizations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "person" => db.Persons.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "membership" => db.Memberships.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "meeting" => db.Meetings.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "agendaItem" => db.AgendaItems.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "paper" => db.Papers.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "consultation" => db.Consultations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        "file" => db.Files.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
        _ => Task.FromResult(new List<long>()),
    };

    /// <summary>Every file row has its content of the right size; content no row names is an orphan (or a temporary file of an interrupted write).</summary>
    public static async Task<(List<string> Findings, List<string> Orphans)> FilesAsync(RisDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var rows = await db.Files.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Sha512Checksum != "")
            .Select(f => new { f.Id, f.Sha512Checksum, f.Size, f.Deleted })
            .ToListAsync(cancellationToken);
        var named = rows.Select(r => r.Sha512Checksum).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.Deleted))
        {
            var path = store.PathFor(row.Sha512Checksum);
            var content = path is null ? null : new FileInfo(path);
            if (content is not { Exists: true })
            {
                findings.Add($"Datei {row.Id}: Inhalt fehlt im Dateispeicher.");
            }
            else if (content.Length != row.Size)
            {
                findings.Add($"Datei {row.Id}: Inhalt hat {content.Length} Bytes statt {row.Size}.");
            }
        }
        var orphans = store.AllPaths().Where(p => !named.Contains(Path.GetFileName(p))).ToList();
        findings.AddRange(orphans.Select(p => $"Verwaiste Datei im Dateispeicher: {Path.GetRelativePath(store.Root, p)}"));
        return (findings, orphans);
    }

    /// <summary>The index has applied the outbox up to its end and holds each searchable object once, as the database renders it now.</summary>
    public static async Task<List<string>> SearchIndexAsync(RisDbContext db, SearchIndex index, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var last = await db.SearchOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        if (!index.IsBuilt)
        {
            findings.Add("Suchindex: noch nicht aufgebaut.");
            return findings;
        }
        if (index.Position < last)
        {
            findings.Add($"Suchindex: {last - index.Position} Änderungen aus der Warteschlange noch nicht übernommen (Stand {index.Position}, Ende {last}).");
        }

        var indexed = new Dictionary<string, long>(StringComparer.Ordinal);
        var searcher = index.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var live = MultiFields.GetLiveDocs(reader);
            for (var i = 0; i < reader.MaxDoc; i++)
            {
                if (live is not null && !live.Get(i))
                {
                    continue;
                }
                var doc = reader.Document(i);
                var key = doc.Get(SearchFields.Key, System.Globalization.CultureInfo.InvariantCulture);
                if (!indexed.TryAdd(key, doc.GetField(SearchFields.Modified).GetInt64Value() ?? 0))
                {
                    findings.Add($"Suchindex: {key} doppelt.");
                }
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in new[] { SearchKinds.Paper, SearchKinds.Meeting, SearchKinds.Person, SearchKinds.Organization })
        {
            var ids = await SearchIndex.AllIdsAsync(db, kind, cancellationToken);
            foreach (var batch in ids.Chunk(500))
            {
                foreach (var document in await SearchDocuments.LoadAsync(db, kind, batch, cancellationToken))
                {
                    expected[SearchDocument.KeyOf(document.Type, document.Id)] = document.Modified.Ticks;
                }
            }
        }
        findings.AddRange(indexed.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => $"Suchindex: veralteter Eintrag {k} (in der Datenbank gelöscht oder nicht mehr suchbar)."));
        findings.AddRange(expected.Keys.Where(k => !indexed.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => $"Suchindex: {k} fehlt."));
        findings.AddRange(expected.Where(e => indexed.TryGetValue(e.Key, out var at) && at != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).Select(k => $"Suchindex: {k} ist nicht auf dem Stand der Datenbank."));
        return findings;
    }

}
