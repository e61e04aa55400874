using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    // Links to objects later in the same list (a sub-organization before its parent, a statement
    // before its inquiry) are set when the run has read everything.
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
}
