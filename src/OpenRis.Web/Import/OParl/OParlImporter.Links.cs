using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    // Links to objects later in the same list (a sub-organization before its parent, a statement
    // before its inquiry, related papers both ways) are set when the run has read everything.
    private readonly List<(string Type, string Url, string Property, string Target)> _deferred = [];

    // The hashes of objects with deferred links are recorded only with their links: a run killed before
    // the end leaves the old hash, so the next run applies the object again and sets its links.
    private readonly Dictionary<string, (string Hash, bool Standalone)> _pendingHashes = new(StringComparer.Ordinal);

    private void Defer(string type, string url, string property, string? target)
    {
        if (target is not null)
        {
            _deferred.Add((type, url, property, target));
            _pendingHashes[url] = ("", false);
        }
    }

    /// <summary>Whether the row of <paramref name="url"/> waits for its links; the hash to record then is kept until they are set.</summary>
    private bool HoldHash(string url, string hash, bool standalone)
    {
        if (!_pendingHashes.ContainsKey(url))
        {
            return false;
        }
        _pendingHashes[url] = (hash, standalone);
        return true;
    }

    /// <summary>Sets the deferred links, and records the held hashes with them; <paramref name="complete"/>: every list was read, a missing target will not come.</summary>
    private async Task ResolveDeferredAsync(bool complete, CancellationToken ct)
    {
        if (_deferred.Count == 0)
        {
            return;
        }
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        // The owners and the existing related-paper pairs in a few queries, not one per link.
        List<long> Owners(Func<(string Type, string Url, string Property, string Target), bool> which) =>
            [.. _deferred.Where(which).Select(d => _known.TryGetValue(d.Url, out var k) && k.Type == d.Type ? k.EntityId : 0).Where(id => id > 0).Distinct()];
        var organizationIds = Owners(d => d.Type == "organization");
        var paperIds = Owners(d => d.Type == "paper" && d.Property != "relatedPaper");
        var relatedIds = Owners(d => d.Property == "relatedPaper");
        var organizations = new Dictionary<long, Organization>();
        foreach (var chunk in organizationIds.Chunk(500))
        {
            foreach (var organization in await _db.Organizations.IgnoreQueryFilters().Where(o => chunk.Contains(o.Id)).ToListAsync(ct))
            {
                organizations[organization.Id] = organization;
            }
        }
        var papers = new Dictionary<long, Paper>();
        foreach (var chunk in paperIds.Chunk(500))
        {
            foreach (var paper in await _db.Papers.IgnoreQueryFilters().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                papers[paper.Id] = paper;
            }
        }
        _related = [];
        foreach (var chunk in relatedIds.Chunk(500))
        {
            foreach (var pair in await _db.PaperReferences.Where(r => chunk.Contains(r.FromPaperId) || chunk.Contains(r.ToPaperId)).Select(r => new { r.FromPaperId, r.ToPaperId }).ToListAsync(ct))
            {
                _related.Add((Math.Min(pair.FromPaperId, pair.ToPaperId), Math.Max(pair.FromPaperId, pair.ToPaperId)));
            }
        }
        foreach (var (type, url, property, target) in _deferred)
        {
            if (!_known.TryGetValue(url, out var owner) || owner.Type != type)
            {
                continue;
            }
            // subOrganizationOf names an organization, superordinatedPaper and relatedPaper a paper: an id of another type is no target.
            if (!_known.TryGetValue(target, out var linked) || linked.Type != type)
            {
                Missing(property, target);
                if (!complete)
                {
                    waiting.Add(url);
                }
                continue;
            }
            if (type == "organization")
            {
                if (organizations.TryGetValue(owner.EntityId, out var organization) && organization.SubOrganizationOfId != linked.EntityId && linked.EntityId != organization.Id)
                {
                    organization.SubOrganizationOfId = linked.EntityId;
                }
            }
            else if (property == "relatedPaper")
            {
                Relate(owner.EntityId, linked.EntityId);
            }
            else if (type == "paper")
            {
                if (papers.TryGetValue(owner.EntityId, out var paper) && paper.ParentPaperId != linked.EntityId && linked.EntityId != paper.Id)
                {
                    paper.ParentPaperId = linked.EntityId;
                }
            }
        }
        foreach (var (url, (hash, standalone)) in _pendingHashes)
        {
            if (hash.Length == 0 || waiting.Contains(url) || !_known.TryGetValue(url, out var known))
            {
                continue;
            }
            var row = new OParlImportedObject { Id = known.RowId, SourceId = _source.Id, SourceUrl = url, Type = known.Type, EntityId = known.EntityId, Hash = known.Hash, StandaloneHash = known.StandaloneHash };
            _db.Attach(row);
            if (standalone)
            {
                row.StandaloneHash = hash;
            }
            else
            {
                row.Hash = hash;
            }
            _known[url] = known with { Hash = row.Hash, StandaloneHash = row.StandaloneHash };
        }
        _deferred.Clear();
        _pendingHashes.Clear();
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
    }

    // Related-paper pairs (smaller id first) that exist or are added in this run's linking.
    private HashSet<(long, long)> _related = [];

    /// <summary>relatedPaper is symmetric in OParl (each lists the other): one reference row for the pair.</summary>
    private void Relate(long paper, long related)
    {
        if (paper != related && _related.Add((Math.Min(paper, related), Math.Max(paper, related))))
        {
            _db.PaperReferences.Add(new PaperReference { FromPaperId = paper, ToPaperId = related, Kind = PaperReferenceKind.Related });
        }
    }
}
