using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    /// <summary>What is known of an imported object: our id and the hashes of the JSON last applied.</summary>
    private sealed record Known(long RowId, string Type, long EntityId, string? Hash, string? StandaloneHash);

    /// <summary>Back-references that only the standalone form carries; left out of the hash so both forms compare.</summary>
    private static readonly Dictionary<string, string[]> BackReferences = new()
    {
        ["agendaItem"] = ["meeting"],
        ["consultation"] = ["paper"],
        ["file"] = ["paper", "meeting", "agendaItem"],
        ["membership"] = ["person"],
        ["legislativeTerm"] = [],
        ["location"] = ["bodies", "organizations", "persons", "meetings", "papers", "organization", "meeting", "person", "paper"],
    };

    private readonly Dictionary<string, Known> _known = new(StringComparer.Ordinal);

    // One page: entities created or loaded so far (by source URL), and the rows that record them.
    private readonly Dictionary<string, OParlObject> _page = new(StringComparer.Ordinal);
    private readonly List<(string Url, string Type, OParlObject Entity, string Hash, bool Standalone)> _pageRows = [];

    private async Task LoadKnownAsync(CancellationToken ct)
    {
        _known.Clear();
        var rows = await _db.Set<OParlImportedObject>().AsNoTracking().Where(o => o.SourceId == _source.Id)
            .Select(o => new { o.Id, o.SourceUrl, o.Type, o.EntityId, o.Hash, o.StandaloneHash }).ToListAsync(ct);
        foreach (var row in rows)
        {
            _known[row.SourceUrl] = new Known(row.Id, row.Type, row.EntityId, row.Hash, row.StandaloneHash);
        }
    }

    /// <summary>Maps one page of objects and writes it with the cursor in one transaction.</summary>
    private async Task<List<(JsonObject, long)>> ImportPageAsync(string type, long bodyId, List<JsonObject> objects, string? cursorKey, string next, CancellationToken ct)
    {
        _page.Clear();
        _pageRows.Clear();
        _downloads.Clear();
        var bodies = new List<(JsonObject Json, string Url)>();
        foreach (var json in objects)
        {
            var url = OParlValues.Id(json);
            if (url is null)
            {
                _report.Defect("object-without-id", json.ToJsonString()[..Math.Min(80, json.ToJsonString().Length)]);
                continue;
            }
            var declared = OParlValues.TypeName(json);
            if (declared is null)
            {
                _report.Defect("object-without-type", url);
            }
            else if (!string.Equals(declared, type, StringComparison.OrdinalIgnoreCase))
            {
                _report.Defect("unexpected-type", $"{declared} in Liste {type}: {url}");
                continue;
            }
            if (OParlValues.IsDeleted(json))
            {
                await DeleteAsync(type, url, ct);
                continue;
            }
            switch (type)
            {
                case "body":
                    await BodyAsync(json, ct);
                    bodies.Add((json, url));
                    break;
                case "legislativeTerm":
                    await LegislativeTermAsync(json, bodyId, null, standalone: true, ct);
                    break;
                case "location":
                    await LocationAsync(json, bodyId, standalone: true, ct);
                    break;
                case "organization":
                    await OrganizationAsync(json, bodyId, ct);
                    break;
                case "person":
                    await PersonAsync(json, bodyId, ct);
                    break;
                case "meeting":
                    await MeetingAsync(json, bodyId, ct);
                    break;
                case "paper":
                    await PaperAsync(json, bodyId, ct);
                    break;
                case "membership":
                    await MembershipAsync(json, bodyId, null, standalone: true, ct);
                    break;
                case "agendaItem":
                    await StandaloneAgendaItemAsync(json, bodyId, ct);
                    break;
                case "consultation":
                    await ConsultationAsync(json, bodyId, null, standalone: true, ct);
                    break;
                case "file":
                    await StandaloneFileAsync(json, bodyId, ct);
                    break;
            }
        }
        await DownloadAsync(ct);
        await SavePageAsync(cursorKey, next, ct);
        if (_newBodyLocations.Count > 0)
        {
            // A new Body and its Location point at each other; the location follows once the body has its id.
            _page.Clear();
            _pageRows.Clear();
            foreach (var (body, location) in _newBodyLocations)
            {
                _db.Attach(body);
                var (id, entity) = await LocationAsync(location, body.Id, standalone: false, ct);
                SetLocation(body, id, entity, (b, l) => b.Location = l, (b, l) => b.LocationId = l);
            }
            _newBodyLocations.Clear();
            await SavePageAsync(null, next, ct);
        }
        var written = bodies.Select(b => (b.Json, _known.TryGetValue(b.Url, out var k) ? k.EntityId : 0)).Where(b => b.Item2 > 0).ToList();
        _db.ChangeTracker.Clear();
        return written;
    }

    private readonly List<(Body Body, JsonObject Location)> _newBodyLocations = [];

    /// <summary>Writes the page and the rows mapping its source URLs to our ids, with the cursor, in one transaction.</summary>
    private async Task SavePageAsync(string? cursorKey, string next, CancellationToken ct)
    {
        if (cursorKey is not null)
        {
            _cursor[cursorKey] = next;
            _source.Cursor = JsonSerializer.Serialize(_cursor);
            if (_db.Entry(_source).State == EntityState.Detached)
            {
                _db.Attach(_source);
            }
            _db.Entry(_source).Property(s => s.Cursor).IsModified = true;
        }

        // Our ids exist only after the insert; the rows that map source URLs to them follow in the same transaction.
        await using (var transaction = await _db.Database.BeginTransactionAsync(ct))
        {
            AdoptIds();
            await _db.SaveChangesAsync(ct);
            var rows = new List<(OParlImportedObject Row, string Url)>();
            foreach (var (url, rowType, entity, hash, standalone) in _pageRows)
            {
                if (_known.TryGetValue(url, out var known))
                {
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
                    if (row.EntityId != entity.Id)
                    {
                        row.EntityId = entity.Id;
                    }
                    rows.Add((row, url));
                }
                else
                {
                    var row = new OParlImportedObject { SourceId = _source.Id, SourceUrl = url, Type = rowType, EntityId = entity.Id, Hash = standalone ? null : hash, StandaloneHash = standalone ? hash : null };
                    _db.Add(row);
                    rows.Add((row, url));
                }
            }
            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            foreach (var (row, url) in rows)
            {
                _known[url] = new Known(row.Id, row.Type, row.EntityId, row.Hash, row.StandaloneHash);
            }
        }
    }

    /// <summary>
    /// The entity to fill for a source object: null when it is unchanged since the last run (its
    /// hash is equal), a new tracked entity when it is unknown, or the stored one (via
    /// <paramref name="load"/>) when it changed. A URL met twice in one page is filled once.
    /// </summary>
    private async Task<T?> ResolveAsync<T>(string type, JsonObject json, bool standalone, Func<long, Task<T?>> load)
        where T : OParlObject, new()
    {
        var url = OParlValues.Id(json)!;
        if (_page.ContainsKey(url))
        {
            return null;
        }
        var hash = Hash(json, type);
        if (_known.TryGetValue(url, out var known))
        {
            // Both forms hash without back-references, so an embedded object met again in its 1.1 list compares equal.
            if (hash == known.Hash || hash == known.StandaloneHash)
            {
                _report.Count(type, OParlImportReport.Unchanged);
                return null;
            }
            var stored = await load(known.EntityId);
            if (stored is not null)
            {
                // An object deleted at the source and published again comes back.
                stored.Deleted = false;
                _page[url] = stored;
                _pageRows.Add((url, type, stored, hash, standalone));
                RememberSourceTimes(url, type, json);
                _report.Count(type, OParlImportReport.Updated);
                return stored;
            }
        }
        var created = new T();
        _db.Add(created);
        _page[url] = created;
        _pageRows.Add((url, type, created, hash, standalone));
        RememberSourceTimes(url, type, json);
        _report.Count(type, OParlImportReport.Created);
        return created;
    }

    /// <summary>Our id of an imported object, or 0 for one created in this page (link it by entity then).</summary>
    private (long Id, T? Entity) Target<T>(string? url) where T : OParlObject
    {
        if (url is null)
        {
            return (0, null);
        }
        if (_page.TryGetValue(url, out var entity) && entity is T typed)
        {
            return (typed.Id, typed);
        }
        return _known.TryGetValue(url, out var known) ? (known.EntityId, null) : (0, null);
    }

    private bool Exists<T>(string? url) where T : OParlObject
    {
        var (id, entity) = Target<T>(url);
        return id > 0 || entity is not null;
    }

    private void Missing(string what, string? url)
    {
        if (url is not null)
        {
            _report.Defect("missing-object", $"{what} {url}");
        }
    }

    private static string Hash(JsonObject json, string type)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove("body");
        foreach (var name in BackReferences.GetValueOrDefault(type, []))
        {
            copy.Remove(name);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString())));
    }

    /// <summary>A tombstone (deleted: true): our object becomes a tombstone too; unknown ones are ignored.</summary>
    private async Task DeleteAsync(string type, string url, CancellationToken ct)
    {
        if (!_known.TryGetValue(url, out var known))
        {
            return;
        }
        OParlObject? entity = type switch
        {
            "body" => await _db.Bodies.FindAsync([known.EntityId], ct),
            "legislativeTerm" => await _db.LegislativeTerms.FindAsync([known.EntityId], ct),
            "location" => await _db.Locations.FindAsync([known.EntityId], ct),
            "organization" => await _db.Organizations.FindAsync([known.EntityId], ct),
            "person" => await _db.Persons.FindAsync([known.EntityId], ct),
            "membership" => await _db.Memberships.FindAsync([known.EntityId], ct),
            "meeting" => await _db.Meetings.FindAsync([known.EntityId], ct),
            "agendaItem" => await _db.AgendaItems.FindAsync([known.EntityId], ct),
            "paper" => await _db.Papers.FindAsync([known.EntityId], ct),
            "consultation" => await _db.Consultations.FindAsync([known.EntityId], ct),
            "file" => await _db.Files.FindAsync([known.EntityId], ct),
            _ => null,
        };
        // FindAsync applies the soft-delete filter: an object already a tombstone is not found, and nothing changes.
        if (entity is not null && !entity.Deleted)
        {
            _db.Remove(entity);
            _report.Count(type, OParlImportReport.Deleted);
        }
    }
}
