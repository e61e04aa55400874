using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// Loads, for a batch of ids, exactly the graph each renderer needs, deleted rows included (they
/// become tombstones or are left out of their parents). The ids go to the database as one array
/// parameter (<c>EF.Parameter</c>): expanded into one parameter each, every split query of a batch
/// was compiled anew and that compilation was most of an import's CPU time.
/// </summary>
internal static class OParlLoader
{
    public static Task<List<OParlSystem>> Systems(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Systems.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(s => EF.Parameter(ids).Contains(s.Id)).ToListAsync(ct);

    public static Task<List<Body>> Bodies(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Bodies.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(b => EF.Parameter(ids).Contains(b.Id))
            .Include(b => b.LegislativeTerms).Include(b => b.Location).AsSplitQuery().ToListAsync(ct);

    public static Task<List<LegislativeTerm>> LegislativeTerms(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.LegislativeTerms.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(t => EF.Parameter(ids).Contains(t.Id)).ToListAsync(ct);

    public static Task<List<Organization>> Organizations(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Organizations.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(o => EF.Parameter(ids).Contains(o.Id))
            .Include(o => o.Memberships).Include(o => o.Location).AsSplitQuery().ToListAsync(ct);

    public static Task<List<Person>> Persons(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Persons.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Include(p => p.Memberships).Include(p => p.Location).AsSplitQuery().ToListAsync(ct);

    public static Task<List<Membership>> Memberships(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(m => EF.Parameter(ids).Contains(m.Id)).ToListAsync(ct);

    public static Task<List<Meeting>> Meetings(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Meetings.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(m => EF.Parameter(ids).Contains(m.Id))
            .Include(m => m.Location)
            .Include(m => m.Organizations)
            .Include(m => m.Participants)
            .Include(m => m.Files)
            .Include(m => m.AgendaVersions)
            .Include(m => m.AgendaItems).ThenInclude(a => a.Files)
            .Include(m => m.AgendaItems).ThenInclude(a => a.Consultation).ThenInclude(c => c!.Paper)
            .Include(m => m.AgendaItems).ThenInclude(a => a.RollCall)
            .Include(m => m.AgendaItems).ThenInclude(a => a.Conflicts)
            .AsSplitQuery().ToListAsync(ct);

    public static Task<List<AgendaItem>> AgendaItems(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.AgendaItems.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(a => EF.Parameter(ids).Contains(a.Id))
            .Include(a => a.Meeting).ThenInclude(m => m.AgendaItems)
            .Include(a => a.Meeting).ThenInclude(m => m.AgendaVersions)
            .Include(a => a.Files)
            .Include(a => a.Consultation).ThenInclude(c => c!.Paper)
            .Include(a => a.RollCall)
            .Include(a => a.Conflicts)
            .AsSplitQuery().ToListAsync(ct);

    public static Task<List<Paper>> Papers(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Papers.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Include(p => p.Kind)
            .Include(p => p.ParentPaper)
            .Include(p => p.SubordinatedPapers)
            .Include(p => p.References).ThenInclude(r => r.ToPaper)
            .Include(p => p.CitedBy).ThenInclude(r => r.FromPaper)
            .Include(p => p.Files)
            .Include(p => p.Locations)
            .Include(p => p.OriginatorPersons)
            .Include(p => p.OriginatorOrganizations)
            .Include(p => p.Offices)
            .Include(p => p.Consultations).ThenInclude(c => c.Meeting)
            .Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).ThenInclude(a => a!.Meeting).ThenInclude(m => m.AgendaVersions)
            .Include(p => p.Consultations).ThenInclude(c => c.Organizations)
            .AsSplitQuery().ToListAsync(ct);

    public static Task<List<Consultation>> Consultations(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Consultations.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(c => EF.Parameter(ids).Contains(c.Id))
            .Include(c => c.Paper)
            .Include(c => c.Meeting)
            .Include(c => c.AgendaItem).ThenInclude(a => a!.Meeting).ThenInclude(m => m.AgendaVersions)
            .Include(c => c.Organizations)
            .AsSplitQuery().ToListAsync(ct);

    public static Task<List<DocumentFile>> Files(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Files.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(f => EF.Parameter(ids).Contains(f.Id))
            .Include(f => f.Paper)
            .Include(f => f.Meeting)
            .Include(f => f.AgendaItem).ThenInclude(a => a!.Meeting).ThenInclude(m => m.AgendaVersions)
            .Include(f => f.DerivativeFiles)
            .AsSplitQuery().ToListAsync(ct);

    public static Task<List<Location>> Locations(RisDbContext db, List<long> ids, CancellationToken ct) =>
        db.Locations.IgnoreQueryFilters().AsNoTrackingWithIdentityResolution().Where(l => EF.Parameter(ids).Contains(l.Id)).ToListAsync(ct);

    /// <summary>The visible objects that use each location: its back-references, and whether the public may see it at all.</summary>
    public static async Task<Dictionary<long, LocationReferences>> LocationReferences(RisDbContext db, List<long> ids, CancellationToken ct)
    {
        var bodies = await db.Bodies.Where(b => b.LocationId != null && ids.Contains(b.LocationId.Value)).Select(b => new { Location = b.LocationId!.Value, b.Id }).ToListAsync(ct);
        var organizations = await db.Organizations.Where(o => o.LocationId != null && ids.Contains(o.LocationId.Value)).Select(o => new { Location = o.LocationId!.Value, o.Id }).ToListAsync(ct);
        var persons = await db.Persons.Where(p => p.LocationId != null && ids.Contains(p.LocationId.Value)).Select(p => new { Location = p.LocationId!.Value, p.Id }).ToListAsync(ct);
        var meetings = await db.Meetings.Where(m => m.Public && m.LocationId != null && ids.Contains(m.LocationId.Value)).Select(m => new { Location = m.LocationId!.Value, m.Id }).ToListAsync(ct);
        var papers = await db.Papers.PubliclyVisible().SelectMany(p => p.Locations, (p, l) => new { Location = l.Id, p.Id }).Where(x => ids.Contains(x.Location)).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new LocationReferences(
            bodies.Where(x => x.Location == id).Select(x => x.Id).Order().ToList(),
            organizations.Where(x => x.Location == id).Select(x => x.Id).Order().ToList(),
            persons.Where(x => x.Location == id).Select(x => x.Id).Order().ToList(),
            meetings.Where(x => x.Location == id).Select(x => x.Id).Order().ToList(),
            papers.Where(x => x.Location == id).Select(x => x.Id).Distinct().Order().ToList()));
    }
}
