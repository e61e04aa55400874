using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

    // One batch (several pages, written together): entities created or loaded so far (by source URL), and the rows that record them.
    private readonly Dictionary<string, OParlObject> _page = new(StringComparer.Ordinal);
    private readonly List<(string Url, string Type, OParlObject Entity, string Hash, bool Standalone)> _pageRows = [];
    private int _batchStart;

    /// <summary>Objects read into the batch, embedded ones included.</summary>
    private int BatchObjects => _report.Objects - _batchStart;

    // One page: hashes computed ahead (PreloadChangedAsync) and the changed objects loaded for it in one query per type.
    private readonly Dictionary<JsonObject, string> _hashes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, OParlObject> _preloaded = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Maps one page of objects into the current batch; <see cref="SaveBatchAsync"/> writes the batch.
    /// Returns the Bodies of the page (the body list is saved page by page: its lists are read next).
    /// </summary>
    private async Task<List<(JsonObject Json, string Url)>> ImportPageAsync(string type, long bodyId, string pageUrl, List<JsonObject> objects, HashSet<string> listed, CancellationToken ct)
    {
        _downloads.Clear();
        _hashes.Clear();
        var mapping = OParlImportReport.Mark();
        await PreloadChangedAsync(type, objects, ct);
        var bodies = new List<(JsonObject Json, string Url)>();
        foreach (var json in objects)
        {
            var url = OParlValues.Id(json);
            var where = Invariant($"{pageUrl} #{(json.Parent is JsonArray ? json.GetElementIndex() : 0)}");
            if (url is null)
            {
                _report.Dropped("object-without-id", $"{where}: {type} ohne verwendbare id");
                continue;
            }
            var declared = OParlValues.TypeName(json);
            if (declared is null)
            {
                _report.Defect("object-without-type", url);
            }
            else if (!string.Equals(declared, type, StringComparison.OrdinalIgnoreCase))
            {
                _report.Dropped("unexpected-type", $"{where}: {Short(declared)} in Liste {type}: {url}");
                continue;
            }
            if (TakenByOtherType(url, type) is { } other)
            {
                _report.Dropped("id-of-another-type", $"{where}: {type} mit der id eines Objekts vom Typ {other}: {url}");
                continue;
            }
            // A list holds each object once; which of two different copies is right cannot be known: the first stays.
            if (!listed.Add(url))
            {
                _report.Dropped("duplicate-id", $"{where}: {url} schon einmal in der Liste");
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
        _preloaded.Clear();
        _report.Phase("Zuordnen", mapping);
        var downloading = OParlImportReport.Mark();
        await DownloadAsync(ct);
        _report.Phase("Dateien laden", downloading);
        return bodies;
    }

    private readonly List<(Body Body, JsonObject Location)> _newBodyLocations = [];

    /// <summary>
    /// Writes the batch (the pages mapped since the last save) and the cursor of the page after it in
    /// one transaction, so that a crashed run resumes at the first page that is not written.
    /// </summary>
    private async Task SaveBatchAsync(string? cursorKey, string next, CancellationToken ct)
    {
        var saving = OParlImportReport.Mark();
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
        ForgetBatchEntities();
        _page.Clear();
        _pageRows.Clear();
        _batchStart = _report.Objects;
        _db.ChangeTracker.Clear();
        _report.Phase("Schreiben", saving);
    }

    /// <summary>Writes the tracked changes and the rows mapping their source URLs to our ids, with the cursor, in one transaction.</summary>
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
            await SaveChangesAsync(ct);
            var rows = new List<(OParlImportedObject Row, string Url)>();
            foreach (var (url, rowType, entity, hash, standalone) in _pageRows)
            {
                var held = HoldHash(url, hash, standalone);
                if (_known.TryGetValue(url, out var known))
                {
                    var row = new OParlImportedObject { Id = known.RowId, SourceId = _source.Id, SourceUrl = url, Type = known.Type, EntityId = known.EntityId, Hash = known.Hash, StandaloneHash = known.StandaloneHash };
                    _db.Attach(row);
                    // A held hash is recorded with the links at the end of the run (ResolveDeferredAsync).
                    if (!held && standalone)
                    {
                        row.StandaloneHash = hash;
                    }
                    else if (!held)
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
                    var row = new OParlImportedObject { SourceId = _source.Id, SourceUrl = url, Type = rowType, EntityId = entity.Id, Hash = standalone || held ? null : hash, StandaloneHash = standalone && !held ? hash : null };
                    _db.Add(row);
                    rows.Add((row, url));
                }
            }
            await SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            foreach (var (row, url) in rows)
            {
                _known[url] = new Known(row.Id, row.Type, row.EntityId, row.Hash, row.StandaloneHash);
            }
        }
    }

    /// <summary>
    /// Mapping runs with automatic change detection off (with thousands of tracked objects in a batch,
    /// every query would scan them all); a save detects the changes once.
    /// </summary>
    private async Task SaveChangesAsync(CancellationToken ct)
    {
        var detect = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = true;
        try
        {
            FitStrings();
            await _db.SaveChangesAsync(ct);
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Makes every text about to be written storable on both databases, whatever the source sent: NUL
    /// characters (PostgreSQL's text cannot hold them) are removed, lone UTF-16 surrogates (no UTF-8
    /// exists for them) become U+FFFD, and a text longer than its column is cut. Each repair is a defect
    /// naming the object; a whole batch is no longer lost to one bad value.
    /// </summary>
    private void FitStrings()
    {
        Dictionary<object, string>? urls = null;
        // The source URL of the entity a repair is reported for; the lookup is built only when something needs repair.
        string Owner(EntityEntry entry)
        {
            urls ??= _pageRows.GroupBy(r => (object)r.Entity, ReferenceEqualityComparer.Instance).ToDictionary(g => g.Key, g => g.First().Url, ReferenceEqualityComparer.Instance);
            return urls.GetValueOrDefault(entry.Entity) ?? entry.Metadata.ClrType.Name;
        }
        foreach (var entry in _db.ChangeTracker.Entries())
        {
            // Changes are not detected yet (the save does that once): every tracked entity is looked at, not only those marked changed.
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                // Keyword, post, title …: a PostgreSQL text[] cannot hold NUL either.
                if (property.CurrentValue is List<string> list && list.Exists(t => !ReferenceEquals(OParlValues.Storable(t), t)))
                {
                    _report.Defect("invalid-characters", $"{Owner(entry)}: {property.Metadata.Name}");
                    property.CurrentValue = list.ConvertAll(OParlValues.Storable);
                    continue;
                }
                if (property.CurrentValue is not string text)
                {
                    continue;
                }
                var fitted = OParlValues.Storable(text);
                var max = property.Metadata.GetMaxLength();
                var what = fitted.Length == text.Length ? null : "invalid-characters";
                if (max is int limit && fitted.Length > limit)
                {
                    fitted = fitted[..limit];
                    if (char.IsHighSurrogate(fitted[^1]))
                    {
                        fitted = fitted[..^1];
                    }
                    what = "value-too-long";
                }
                if (!ReferenceEquals(fitted, text) && fitted != text)
                {
                    _report.Defect(what ?? "invalid-characters", $"{Owner(entry)}: {property.Metadata.Name} ({text.Length} Zeichen)");
                    property.CurrentValue = fitted;
                }
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
        if (TakenByOtherType(url, type) is { } other)
        {
            _report.Dropped("id-of-another-type", $"{url}: {type} mit der id eines Objekts vom Typ {other}");
            return null;
        }
        if (_page.ContainsKey(url))
        {
            return null;
        }
        var hash = HashOf(json, type);
        if (_known.TryGetValue(url, out var known))
        {
            // Both forms hash without back-references, so an embedded object met again in its 1.1 list compares equal.
            if (hash == known.Hash || hash == known.StandaloneHash)
            {
                _report.Count(type, OParlImportReport.Unchanged);
                return null;
            }
            var stored = _preloaded.TryGetValue(url, out var preloaded) ? preloaded as T : await load(known.EntityId);
            if (stored is not null)
            {
                // An object deleted at the source and published again comes back.
                stored.Deleted = false;
                _page[url] = stored;
                _pageRows.Add((url, type, stored, hash, standalone));
                AdoptTimes(stored, json, isNew: false);
                _report.Count(type, OParlImportReport.Updated);
                return stored;
            }
        }
        var created = new T();
        _db.Add(created);
        _page[url] = created;
        _pageRows.Add((url, type, created, hash, standalone));
        AdoptTimes(created, json, isNew: true);
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
        return _known.TryGetValue(url, out var known) && known.Type == TypeName<T>() ? (known.EntityId, null) : (0, null);
    }

    /// <summary>Our OParl type name of an entity class ("paper" for <see cref="Paper"/>, "file" for <see cref="DocumentFile"/>).</summary>
    private static string TypeName<T>() => TypeName(typeof(T));

    private static string TypeName(Type type) => type == typeof(DocumentFile) ? "file" : char.ToLowerInvariant(type.Name[0]) + type.Name[1..];

    /// <summary>
    /// The type an id is already taken by in this source (an earlier run or this batch), when it is not <paramref name="type"/>:
    /// one id for two objects of different types would make one overwrite the other.
    /// </summary>
    private string? TakenByOtherType(string url, string type) =>
        _known.TryGetValue(url, out var known) && known.Type != type ? known.Type
        : _page.TryGetValue(url, out var entity) && TypeName(entity.GetType()) != type ? TypeName(entity.GetType())
        : null;

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

    private string HashOf(JsonObject json, string type)
    {
        if (!_hashes.TryGetValue(json, out var hash))
        {
            hash = Hash(json, type);
            _hashes[json] = hash;
        }
        return hash;
    }

    /// <summary>
    /// SHA-256 of the object's JSON without "body" and its back-references: the bytes
    /// <c>ToJsonString()</c> of a copy without them would give, written without the copy.
    /// </summary>
    private static string Hash(JsonObject json, string type)
    {
        var skip = BackReferences.GetValueOrDefault(type, []);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in json)
            {
                if (name == "body" || Array.IndexOf(skip, name) >= 0)
                {
                    continue;
                }
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// The objects of a page that are known and changed, loaded in one query per type instead of one
    /// by one (a 1.1 file list that adds the text the embedded form lacked changes every file).
    /// </summary>
    private async Task PreloadChangedAsync(string type, List<JsonObject> objects, CancellationToken ct)
    {
        var wanted = new Dictionary<long, string>();
        foreach (var json in objects)
        {
            if (OParlValues.Id(json) is not string url || OParlValues.IsDeleted(json) || _page.ContainsKey(url) || !_known.TryGetValue(url, out var known) || known.Type != type)
            {
                continue;
            }
            var hash = HashOf(json, type);
            if (hash != known.Hash && hash != known.StandaloneHash)
            {
                wanted[known.EntityId] = url;
            }
        }
        if (wanted.Count < 2)
        {
            return;
        }
        var ids = wanted.Keys.ToList();
        List<OParlObject> loaded = type switch
        {
            "body" => [.. await BodiesToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "legislativeTerm" => [.. await _db.LegislativeTerms.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "location" => [.. await _db.Locations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "organization" => [.. await _db.Organizations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "person" => [.. await PersonsToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "membership" => [.. await _db.Memberships.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "meeting" => [.. await MeetingsToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "agendaItem" => [.. await AgendaItemsToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "paper" => [.. await PapersToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "consultation" => [.. await ConsultationsToFill().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            "file" => [.. await _db.Files.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)],
            _ => [],
        };
        foreach (var entity in loaded)
        {
            _preloaded[wanted[entity.Id]] = entity;
        }
    }

    // What filling an object of each type reads besides its own row; one definition for the single and the batch load.
    private IQueryable<Body> BodiesToFill() => _db.Bodies.IgnoreQueryFilters().Include(b => b.LegislativeTerms);

    private IQueryable<Person> PersonsToFill() => _db.Persons.IgnoreQueryFilters().Include(p => p.Memberships);

    private IQueryable<Meeting> MeetingsToFill() => _db.Meetings.IgnoreQueryFilters()
        .Include(m => m.Organizations).Include(m => m.AgendaItems).Include(m => m.Files).Include(m => m.Participants).AsSplitQuery();

    private IQueryable<AgendaItem> AgendaItemsToFill() => _db.AgendaItems.IgnoreQueryFilters().Include(a => a.Files).Include(a => a.RollCall);

    private IQueryable<Paper> PapersToFill() => _db.Papers.IgnoreQueryFilters()
        .Include(p => p.Files).Include(p => p.Consultations).ThenInclude(c => c.Organizations)
        .Include(p => p.OriginatorPersons).Include(p => p.OriginatorOrganizations).Include(p => p.Locations).Include(p => p.Offices).AsSplitQuery();

    private IQueryable<Consultation> ConsultationsToFill() => _db.Consultations.IgnoreQueryFilters().Include(c => c.Organizations);

    /// <summary>A tombstone (deleted: true): our object becomes a tombstone too; unknown ones are ignored.</summary>
    private async Task DeleteAsync(string type, string url, CancellationToken ct)
    {
        if (!_known.TryGetValue(url, out var known) || known.Type != type)
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
