using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

public sealed partial class OParlProjection
{
    private sealed record Rendered(long Id, long BodyId, bool Visible, DateTime Created, DateTime EntityModified, Func<OParlRenderer, DateTime, byte[]> Json, bool HasInternal = false);

    /// <summary>Renders the given objects of one type and stores what changed; returns the ids whose served JSON changed.</summary>
    private async Task<List<long>> RenderAsync(RisDbContext db, string type, List<long> ids, DateTime now, bool incremental, bool keepModified, CancellationToken ct)
    {
        var rendered = await RenderedAsync(db, type, ids, ct);
        var existing = await db.Set<OParlDocument>().Where(d => d.Type == type && EF.Parameter(ids).Contains(d.ObjectId)).ToDictionaryAsync(d => d.ObjectId, ct);
        var changed = new List<long>();
        foreach (var item in rendered)
        {
            existing.TryGetValue(item.Id, out var document);
            var wasServed = document is { Visible: true };
            if (!item.Visible && !wasServed)
            {
                // Never seen by the public: nothing to serve, not even a tombstone.
                if (document is not null)
                {
                    db.Remove(document);
                }
                continue;
            }

            var created = OParlTime.Floor(item.Created);
            var entityModified = OParlTime.Floor(item.EntityModified);
            var modified = document is null ? entityModified : Max(entityModified, document.Modified);
            byte[] Json(DateTime at) => item.Visible ? item.Json(_renderer, at) : OParlJson.Tombstone(_renderer.Urls.Of(type, item.Id), type, created, at);
            var json = Json(modified);
            if (document is not null && document.Json.AsSpan().SequenceEqual(json))
            {
                continue;
            }
            // The served JSON changed although the object itself was not saved now (a neighbour was):
            // its modified moves to now, or modified_since crawlers would miss the change.
            // Not while an instance is moved: its objects carry the source's times, which already moved with every change there.
            var changedByNeighbour = !keepModified && (document is not null || incremental);
            if (changedByNeighbour && now > modified)
            {
                modified = now;
                json = Json(modified);
            }
            if (document is null)
            {
                document = new OParlDocument { Type = type, ObjectId = item.Id };
                db.Add(document);
            }
            document.BodyId = item.BodyId;
            document.Visible = true;
            document.Deleted = !item.Visible;
            document.Created = created;
            document.Modified = modified;
            document.Json = json;
            document.JsonOmitInternal = item.Visible && item.HasInternal ? item.Json(_internalOmitted, modified) : null;
            // Said explicitly: bulk writers (the generator) save with automatic change detection off.
            if (db.Entry(document).State == EntityState.Unchanged)
            {
                db.Entry(document).State = EntityState.Modified;
            }
            changed.Add(item.Id);
        }
        return changed;
    }

    /// <summary>The objects that embed the given ones (OParl 1.1 §3 embedding), to be rendered after them.</summary>
    private static async Task<List<(string Type, long Id)>> EmbeddingParentsAsync(RisDbContext db, string type, List<long> ids, CancellationToken ct)
    {
        var parents = new List<(string, long)>();
        void Add(string parentType, IEnumerable<long> parentIds) => parents.AddRange(parentIds.Select(id => (parentType, id)));
        switch (type)
        {
            case OParlTypes.LegislativeTerm:
                Add(OParlTypes.Body, await db.LegislativeTerms.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).Select(t => t.BodyId).ToListAsync(ct));
                break;
            case OParlTypes.Membership:
                Add(OParlTypes.Person, await db.Memberships.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).Select(m => m.PersonId).ToListAsync(ct));
                break;
            case OParlTypes.Consultation:
                Add(OParlTypes.Paper, await db.Consultations.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).Select(c => c.PaperId).ToListAsync(ct));
                break;
            case OParlTypes.AgendaItem:
                Add(OParlTypes.Meeting, await db.AgendaItems.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).Select(a => a.MeetingId).ToListAsync(ct));
                break;
            case OParlTypes.File:
                var owners = await db.Files.IgnoreQueryFilters().Where(f => ids.Contains(f.Id)).Select(f => new { f.PaperId, f.MeetingId, f.AgendaItemId }).ToListAsync(ct);
                Add(OParlTypes.Paper, owners.Where(o => o.PaperId != null).Select(o => o.PaperId!.Value));
                Add(OParlTypes.Meeting, owners.Where(o => o.MeetingId != null).Select(o => o.MeetingId!.Value));
                Add(OParlTypes.AgendaItem, owners.Where(o => o.AgendaItemId != null).Select(o => o.AgendaItemId!.Value));
                break;
            case OParlTypes.Location:
                parents.AddRange((await db.LocationUsersAsync(ids, ct)).Select(u => (TypeKey(u.Type)!, u.Id)));
                break;
        }
        return parents;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static IEnumerable<(string, long)> Location(long? id) => id is long l ? [(OParlTypes.Location, l)] : [];

    /// <summary>The modified the given embedded objects are served with: rendered in this pass (not yet saved) or stored.</summary>
    private static async Task<ServedModified> ServedAsync(RisDbContext db, IEnumerable<(string Type, long Id)> children, CancellationToken ct)
    {
        var keys = children.ToHashSet();
        var served = new Dictionary<(string Type, long Id), DateTime>();
        foreach (var group in keys.GroupBy(k => k.Type))
        {
            var type = group.Key;
            var ids = group.Select(k => k.Id).ToList();
            foreach (var row in await db.OParlDocuments.AsNoTracking().Where(d => d.Type == type && ids.Contains(d.ObjectId)).Select(d => new { d.ObjectId, d.Modified }).ToListAsync(ct))
            {
                served[(type, row.ObjectId)] = row.Modified;
            }
        }
        foreach (var local in db.OParlDocuments.Local.Where(d => keys.Contains((d.Type, d.ObjectId))))
        {
            served[(local.Type, local.ObjectId)] = local.Modified;
        }
        return new ServedModified(served);
    }

    private static async Task<List<Rendered>> RenderedAsync(RisDbContext db, string type, List<long> ids, CancellationToken ct)
    {
        switch (type)
        {
            case OParlTypes.System:
                return [.. (await OParlLoader.Systems(db, ids, ct)).Select(s => new Rendered(s.Id, 0, !s.Deleted, s.Created, s.Modified, (r, m) => r.System(s, m)))];
            case OParlTypes.Body:
                {
                    var bodies = await OParlLoader.Bodies(db, ids, ct);
                    var served = await ServedAsync(db, bodies.SelectMany(b => b.LegislativeTerms.Select(t => (OParlTypes.LegislativeTerm, t.Id)).Concat(Location(b.LocationId))), ct);
                    return [.. bodies.Select(b => new Rendered(b.Id, b.Id, !b.Deleted, b.Created, b.Modified, (r, m) => r.Body(b, m, served), HasInternal: true))];
                }
            case OParlTypes.LegislativeTerm:
                return [.. (await OParlLoader.LegislativeTerms(db, ids, ct)).Select(t => new Rendered(t.Id, t.BodyId, !t.Deleted, t.Created, t.Modified, (r, m) => r.LegislativeTerm(t, m)))];
            case OParlTypes.Organization:
                {
                    var organizations = await OParlLoader.Organizations(db, ids, ct);
                    var served = await ServedAsync(db, organizations.SelectMany(o => Location(o.LocationId)), ct);
                    return [.. organizations.Select(o => new Rendered(o.Id, o.BodyId, !o.Deleted, o.Created, o.Modified, (r, m) => r.Organization(o, m, served)))];
                }
            case OParlTypes.Person:
                {
                    var persons = await OParlLoader.Persons(db, ids, ct);
                    var served = await ServedAsync(db, persons.SelectMany(p => p.Memberships.Select(m => (OParlTypes.Membership, m.Id)).Concat(Location(p.LocationId))), ct);
                    return [.. persons.Select(p => new Rendered(p.Id, p.BodyId, !p.Deleted, p.Created, p.Modified, (r, m) => r.Person(p, m, served), HasInternal: true))];
                }
            case OParlTypes.Membership:
                return [.. (await OParlLoader.Memberships(db, ids, ct)).Select(x => new Rendered(x.Id, x.BodyId, !x.Deleted, x.Created, x.Modified, (r, m) => r.Membership(x, m)))];
            case OParlTypes.Meeting:
                {
                    var meetings = await OParlLoader.Meetings(db, ids, ct);
                    var served = await ServedAsync(db, meetings.SelectMany(m => m.Files.Select(f => (OParlTypes.File, f.Id))
                        .Concat(m.AgendaItems.Select(a => (OParlTypes.AgendaItem, a.Id)))
                        .Concat(m.AgendaItems.SelectMany(a => a.Files).Select(f => (OParlTypes.File, f.Id)))
                        .Concat(Location(m.LocationId))), ct);
                    return [.. meetings.Select(x => new Rendered(x.Id, x.BodyId, OParlVisibility.Of(x), x.Created, x.Modified, (r, m) => r.Meeting(x, m, served), HasInternal: true))];
                }
            case OParlTypes.AgendaItem:
                {
                    var items = await OParlLoader.AgendaItems(db, ids, ct);
                    var served = await ServedAsync(db, items.SelectMany(a => a.Files.Select(f => (OParlTypes.File, f.Id))), ct);
                    return [.. items.Select(x =>
                {
                    var order = x.Meeting.AgendaItems.Where(OParlVisibility.Of).OrderBy(a => a.Order).ThenBy(a => a.Id).ToList().IndexOf(x);
                    return new Rendered(x.Id, x.BodyId, OParlVisibility.Of(x), x.Created, x.Modified, (r, m) => r.AgendaItem(x, m, order, served), HasInternal: true);
                })];
                }
            case OParlTypes.Paper:
                {
                    var papers = await OParlLoader.Papers(db, ids, ct);
                    var served = await ServedAsync(db, papers.SelectMany(p => p.Files.Select(f => (OParlTypes.File, f.Id))
                        .Concat(p.Consultations.Select(c => (OParlTypes.Consultation, c.Id)))
                        .Concat(p.Locations.Select(l => (OParlTypes.Location, l.Id)))), ct);
                    return [.. papers.Select(x => new Rendered(x.Id, x.BodyId, OParlVisibility.Of(x), x.Created, x.Modified, (r, m) => r.Paper(x, m, served), HasInternal: true))];
                }
            case OParlTypes.Consultation:
                return [.. (await OParlLoader.Consultations(db, ids, ct)).Select(x => new Rendered(x.Id, x.BodyId, OParlVisibility.Of(x), x.Created, x.Modified, (r, m) => r.Consultation(x, m)))];
            case OParlTypes.File:
                return [.. (await OParlLoader.Files(db, ids, ct)).Select(x => new Rendered(x.Id, x.BodyId, OParlVisibility.Of(x), x.Created, x.Modified, (r, m) => r.File(x, m)))];
            case OParlTypes.Location:
                var locations = await OParlLoader.Locations(db, ids, ct);
                var references = await OParlLoader.LocationReferences(db, ids, ct);
                return [.. locations.Select(x => new Rendered(x.Id, x.BodyId, !x.Deleted && references[x.Id].Any, x.Created, x.Modified, (r, m) => r.Location(x, m, references[x.Id])))];
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>
    /// Everything whose served JSON or visibility can change with the given objects: the object, the
    /// children whose visibility follows it, and the objects that link to it. The parents that embed
    /// it follow during rendering, and only where its JSON did change (<see cref="EmbeddingParentsAsync"/>).
    /// </summary>
    private static async Task<HashSet<(string Type, long Id)>> AffectedAsync(RisDbContext db, HashSet<(string Type, long Id)> changed, CancellationToken ct)
    {
        var affected = new HashSet<(string Type, long Id)>(changed);
        void Add(string type, IEnumerable<long> ids)
        {
            foreach (var id in ids)
            {
                affected.Add((type, id));
            }
        }
        List<long> Ids(string type) => changed.Where(k => k.Type == type).Select(k => k.Id).ToList();

        var memberships = Ids(OParlTypes.Membership);
        var membershipRows = await db.Memberships.IgnoreQueryFilters().Where(m => memberships.Contains(m.Id)).Select(m => new { m.OrganizationId }).ToListAsync(ct);
        // Organization.membership links them; Person embeds them (EmbeddingParentsAsync).
        Add(OParlTypes.Organization, membershipRows.Select(m => m.OrganizationId));

        var items = Ids(OParlTypes.AgendaItem);
        var meetingsOfItems = await db.AgendaItems.IgnoreQueryFilters().Where(a => items.Contains(a.Id)).Select(a => a.MeetingId).ToListAsync(ct);
        // The order of every item of the meeting counts only visible items, so the siblings move too.
        var meetings = Ids(OParlTypes.Meeting).Concat(meetingsOfItems).Distinct().ToList();
        Add(OParlTypes.Meeting, meetings);
        var allItems = await db.AgendaItems.IgnoreQueryFilters().Where(a => meetings.Contains(a.MeetingId)).Select(a => a.Id).ToListAsync(ct);
        Add(OParlTypes.AgendaItem, allItems);
        Add(OParlTypes.File, await db.Files.IgnoreQueryFilters().Where(f => (f.MeetingId != null && meetings.Contains(f.MeetingId.Value)) || (f.AgendaItemId != null && allItems.Contains(f.AgendaItemId.Value))).Select(f => f.Id).ToListAsync(ct));
        Add(OParlTypes.Consultation, await db.Consultations.IgnoreQueryFilters().Where(c => (c.MeetingId != null && meetings.Contains(c.MeetingId.Value)) || (c.AgendaItemId != null && allItems.Contains(c.AgendaItemId.Value))).Select(c => c.Id).ToListAsync(ct));

        var consultations = Ids(OParlTypes.Consultation);
        var consultationRows = await db.Consultations.IgnoreQueryFilters().Where(c => consultations.Contains(c.Id)).Select(c => new { c.PaperId, c.AgendaItemId }).ToListAsync(ct);
        // A paper is rendered with its consultations and files; only a paper that changed itself can
        // change what its neighbours show (their visibility follows it), so only those are expanded below.
        var papers = Ids(OParlTypes.Paper);
        Add(OParlTypes.Paper, consultationRows.Select(c => c.PaperId));
        Add(OParlTypes.AgendaItem, consultationRows.Where(c => c.AgendaItemId != null).Select(c => c.AgendaItemId!.Value));

        var files = Ids(OParlTypes.File);
        var fileRows = await db.Files.IgnoreQueryFilters().Where(f => files.Contains(f.Id)).Select(f => new { f.PaperId, f.MeetingId, f.AgendaItemId, f.MasterFileId, Meeting = f.AgendaItem != null ? (long?)f.AgendaItem.MeetingId : null }).ToListAsync(ct);
        Add(OParlTypes.Paper, fileRows.Where(f => f.PaperId != null).Select(f => f.PaperId!.Value));
        Add(OParlTypes.Meeting, fileRows.Where(f => f.MeetingId != null).Select(f => f.MeetingId!.Value).Concat(fileRows.Where(f => f.Meeting != null).Select(f => f.Meeting!.Value)));
        Add(OParlTypes.AgendaItem, fileRows.Where(f => f.AgendaItemId != null).Select(f => f.AgendaItemId!.Value));
        Add(OParlTypes.File, fileRows.Where(f => f.MasterFileId != null).Select(f => f.MasterFileId!.Value));
        Add(OParlTypes.File, await db.Files.IgnoreQueryFilters().Where(f => f.MasterFileId != null && files.Contains(f.MasterFileId.Value)).Select(f => f.Id).ToListAsync(ct));

        // A paper's visibility carries its consultations and files; its links appear in related papers.
        Add(OParlTypes.Paper, papers);
        Add(OParlTypes.Consultation, await db.Consultations.IgnoreQueryFilters().Where(c => papers.Contains(c.PaperId)).Select(c => c.Id).ToListAsync(ct));
        Add(OParlTypes.File, await db.Files.IgnoreQueryFilters().Where(f => f.PaperId != null && papers.Contains(f.PaperId.Value)).Select(f => f.Id).ToListAsync(ct));
        Add(OParlTypes.Paper, await db.Papers.IgnoreQueryFilters().Where(p => papers.Contains(p.Id) && p.ParentPaperId != null).Select(p => p.ParentPaperId!.Value).ToListAsync(ct));
        Add(OParlTypes.Paper, await db.Papers.IgnoreQueryFilters().Where(p => p.ParentPaperId != null && papers.Contains(p.ParentPaperId.Value)).Select(p => p.Id).ToListAsync(ct));
        Add(OParlTypes.Paper, await db.PaperReferences.Where(r => papers.Contains(r.FromPaperId)).Select(r => r.ToPaperId).ToListAsync(ct));
        Add(OParlTypes.Paper, await db.PaperReferences.Where(r => papers.Contains(r.ToPaperId)).Select(r => r.FromPaperId).ToListAsync(ct));
        Add(OParlTypes.AgendaItem, await db.Consultations.IgnoreQueryFilters().Where(c => papers.Contains(c.PaperId) && c.AgendaItemId != null).Select(c => c.AgendaItemId!.Value).ToListAsync(ct));

        // Locations are visible through the visible objects that use them.
        var owners = affected.ToList();
        List<long> Of(string type) => owners.Where(k => k.Type == type).Select(k => k.Id).ToList();
        var bodies = Of(OParlTypes.Body);
        var organizations = Of(OParlTypes.Organization);
        var persons = Of(OParlTypes.Person);
        var allMeetings = Of(OParlTypes.Meeting);
        var allPapers = Of(OParlTypes.Paper);
        Add(OParlTypes.Location, await db.Bodies.IgnoreQueryFilters().Where(b => bodies.Contains(b.Id) && b.LocationId != null).Select(b => b.LocationId!.Value).ToListAsync(ct));
        Add(OParlTypes.Location, await db.Organizations.IgnoreQueryFilters().Where(o => organizations.Contains(o.Id) && o.LocationId != null).Select(o => o.LocationId!.Value).ToListAsync(ct));
        Add(OParlTypes.Location, await db.Persons.IgnoreQueryFilters().Where(p => persons.Contains(p.Id) && p.LocationId != null).Select(p => p.LocationId!.Value).ToListAsync(ct));
        Add(OParlTypes.Location, await db.Meetings.IgnoreQueryFilters().Where(m => allMeetings.Contains(m.Id) && m.LocationId != null).Select(m => m.LocationId!.Value).ToListAsync(ct));
        Add(OParlTypes.Location, await db.Papers.IgnoreQueryFilters().Where(p => allPapers.Contains(p.Id)).SelectMany(p => p.Locations, (p, l) => l.Id).ToListAsync(ct));
        return affected;
    }
}
