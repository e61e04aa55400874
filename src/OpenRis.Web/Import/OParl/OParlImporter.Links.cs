using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    // Links to objects later in the same list (a sub-organization before its parent, a statement
    // before its inquiry, related papers both ways) are set when the run has read everything.
    private readonly List<(string Type, string Url, string Property, string Target)> _deferred = [];

    private void Defer(string type, string url, string property, string? target)
    {
        if (target is not null)
        {
            _deferred.Add((type, url, property, target));
        }
    }

    private async Task ResolveDeferredAsync(CancellationToken ct)
    {
        if (_deferred.Count == 0)
        {
            return;
        }
        foreach (var (type, url, property, target) in _deferred)
        {
            if (!_known.TryGetValue(url, out var owner))
            {
                continue;
            }
            if (!_known.TryGetValue(target, out var linked))
            {
                Missing(property, target);
                continue;
            }
            if (type == "organization")
            {
                var organization = await _db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == owner.EntityId, ct);
                if (organization is not null && organization.SubOrganizationOfId != linked.EntityId && linked.EntityId != organization.Id)
                {
                    organization.SubOrganizationOfId = linked.EntityId;
                }
            }
            else if (property == "relatedPaper")
            {
                await RelateAsync(owner.EntityId, linked.EntityId, ct);
            }
            else if (type == "paper")
            {
                var paper = await _db.Papers.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == owner.EntityId, ct);
                if (paper is not null && paper.ParentPaperId != linked.EntityId && linked.EntityId != paper.Id)
                {
                    paper.ParentPaperId = linked.EntityId;
                }
            }
        }
        _deferred.Clear();
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
    }

    /// <summary>relatedPaper is symmetric in OParl (each lists the other): one reference row for the pair.</summary>
    private async Task RelateAsync(long paper, long related, CancellationToken ct)
    {
        if (paper == related)
        {
            return;
        }
        var exists = _db.ChangeTracker.Entries<PaperReference>().Any(r => Pair(r.Entity.FromPaperId, r.Entity.ToPaperId, paper, related))
            || await _db.PaperReferences.AnyAsync(r => (r.FromPaperId == paper && r.ToPaperId == related) || (r.FromPaperId == related && r.ToPaperId == paper), ct);
        if (!exists)
        {
            _db.PaperReferences.Add(new PaperReference { FromPaperId = paper, ToPaperId = related, Kind = PaperReferenceKind.Related });
        }
    }

    private static bool Pair(long from, long to, long a, long b) => (from == a && to == b) || (from == b && to == a);
}
