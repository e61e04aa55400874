using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// Keeps <see cref="OParlDocument"/> current: RisDbContext calls <see cref="RefreshAsync"/> in the
/// transaction of every save with the objects it changed; <see cref="RebuildAsync"/> renders all.
/// The served <c>modified</c> never goes backwards and moves whenever the served JSON changes,
/// also when only a neighbour changed (a new sub-paper, a paper made public), so that
/// <c>modified_since</c> crawlers miss nothing.
/// </summary>
public sealed partial class OParlProjection(OParlOptions options)
{
    /// <summary>Raise when the JSON shape changes: every document is rendered again at the next start.</summary>
    public const int Version = 2;

    private readonly OParlRenderer _renderer = new(new OParlUrls(options.BaseUrl), options);
    private readonly OParlRenderer _internalOmitted = new(new OParlUrls(options.BaseUrl), options, omitInternal: true);

    public OParlOptions Options { get; } = options;

    /// <summary>
    /// Embedded objects before the objects that embed them, so that a parent is rendered with the
    /// modified its children were just given, and embedded and standalone forms agree.
    /// </summary>
    private static readonly string[] RenderOrder =
    [
        OParlTypes.Location, OParlTypes.LegislativeTerm, OParlTypes.Membership, OParlTypes.File, OParlTypes.Consultation,
        OParlTypes.AgendaItem, OParlTypes.Organization, OParlTypes.Person, OParlTypes.Body, OParlTypes.Meeting, OParlTypes.Paper, OParlTypes.System,
    ];

    /// <param name="bumped">
    /// Parents whose <c>modified</c> moved because an embedded object changed: they are rendered, but
    /// nothing of theirs changed that their neighbours show, so their neighbours are not looked up.
    /// </param>
    /// <param name="keepModified">Documents take the objects' modified even when only a neighbour changed (<see cref="RisDbContext.KeepsSourceTimes"/>).</param>
    public async Task RefreshAsync(RisDbContext db, IEnumerable<(Type Type, long Id)> changed, IEnumerable<(Type Type, long Id)> bumped, DateTime now, bool keepModified, CancellationToken cancellationToken)
    {
        now = OParlTime.Floor(now);
        var keys = await AffectedAsync(db, Keys(changed), cancellationToken);
        keys.UnionWith(Keys(bumped));
        var anyChanged = false;
        foreach (var type in RenderOrder)
        {
            var ids = keys.Where(k => k.Type == type).Select(k => k.Id).ToList();
            if (ids.Count == 0)
            {
                continue;
            }
            // In chunks as in RebuildAsync: an import's batch changes thousands at once, and a query's
            // cost grows faster than its IN list.
            foreach (var chunk in ids.Chunk(500))
            {
                var rendered = await RenderAsync(db, type, [.. chunk], now, incremental: true, keepModified, cancellationToken);
                if (rendered.Count > 0)
                {
                    anyChanged = true;
                    // A changed child changes the JSON of what embeds it; those come later in the order.
                    keys.UnionWith(await EmbeddingParentsAsync(db, type, rendered, cancellationToken));
                }
            }
        }
        if (anyChanged)
        {
            // In the caller's transaction: the new version becomes visible together with the new documents.
            await db.Set<OParlProjectionState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.DataVersion, x => x.DataVersion + 1), cancellationToken);
        }
    }

    /// <summary>Renders every object again, in batches; after a change of BaseUrl or of <see cref="Version"/>.</summary>
    public async Task RebuildAsync(RisDbContext db, DateTime now, TextWriter? progress, CancellationToken cancellationToken)
    {
        now = OParlTime.Floor(now);
        // The batches commit one by one: until the last has, the state names no base URL, so a
        // rebuild cut off half way is done again on the next start, whatever the base URL then.
        await db.Set<OParlProjectionState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, ""), cancellationToken);
        foreach (var type in RenderOrder)
        {
            var ids = await AllIdsAsync(db, type, cancellationToken);
            for (var start = 0; start < ids.Count; start += 500)
            {
                await RenderAsync(db, type, ids.GetRange(start, Math.Min(500, ids.Count - start)), now, incremental: false, keepModified: false, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            if (ids.Count > 0)
            {
                progress?.WriteLine($"OParl: {ids.Count} {type}");
            }
        }
        var state = await db.Set<OParlProjectionState>().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new OParlProjectionState { Id = 1 };
            db.Add(state);
        }
        state.BaseUrl = Options.BaseUrl;
        state.Version = Version;
        state.DataVersion++;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// For <c>openris check</c>: the objects whose stored document is missing or is not what rendering
    /// them now would store (a write that committed its objects without their documents). Reads only.
    /// </summary>
    public async Task<List<(string Type, long Id, bool Missing)>> StaleAsync(RisDbContext db, CancellationToken cancellationToken)
    {
        var stale = new List<(string Type, long Id, bool Missing)>();
        foreach (var type in RenderOrder)
        {
            var all = await AllIdsAsync(db, type, cancellationToken);
            foreach (var ids in all.Chunk(500).Select(c => c.ToList()))
            {
                var rendered = await RenderedAsync(db, type, ids, cancellationToken);
                var existing = await db.Set<OParlDocument>().AsNoTracking().Where(d => d.Type == type && ids.Contains(d.ObjectId)).ToDictionaryAsync(d => d.ObjectId, cancellationToken);
                foreach (var item in rendered)
                {
                    existing.TryGetValue(item.Id, out var document);
                    if (document is not { Visible: true })
                    {
                        if (item.Visible)
                        {
                            stale.Add((type, item.Id, true));
                        }
                        continue;
                    }
                    // As RenderAsync would render it: modified never goes back behind the served one.
                    var modified = Max(OParlTime.Floor(item.EntityModified), document.Modified);
                    var json = item.Visible ? item.Json(_renderer, modified) : OParlJson.Tombstone(_renderer.Urls.Of(type, item.Id), type, OParlTime.Floor(item.Created), modified);
                    if (!document.Json.AsSpan().SequenceEqual(json))
                    {
                        stale.Add((type, item.Id, false));
                    }
                }
                db.ChangeTracker.Clear();
            }
        }
        return stale;
    }

    /// <summary>Rebuilds when the documents were rendered for another base URL or by another version.</summary>
    public async Task<bool> EnsureCurrentAsync(RisDbContext db, DateTime now, TextWriter? progress, CancellationToken cancellationToken)
    {
        var state = await db.Set<OParlProjectionState>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (state is not null && state.BaseUrl == Options.BaseUrl && state.Version == Version)
        {
            return false;
        }
        await RebuildAsync(db, now, progress, cancellationToken);
        return true;
    }

    private static Task<List<long>> AllIdsAsync(RisDbContext db, string type, CancellationToken ct) => type switch
    {
        OParlTypes.System => db.Systems.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Body => db.Bodies.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.LegislativeTerm => db.LegislativeTerms.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Organization => db.Organizations.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Person => db.Persons.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Membership => db.Memberships.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Meeting => db.Meetings.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.AgendaItem => db.AgendaItems.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Paper => db.Papers.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Consultation => db.Consultations.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.File => db.Files.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        OParlTypes.Location => db.Locations.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static HashSet<(string Type, long Id)> Keys(IEnumerable<(Type Type, long Id)> objects) =>
        objects.Where(c => c.Id > 0).Select(c => (TypeKey(c.Type), c.Id)).Where(k => k.Item1 is not null).Select(k => (k.Item1!, k.Id)).ToHashSet();

    private static string? TypeKey(Type type) => type.Name switch
    {
        nameof(OParlSystem) => OParlTypes.System,
        nameof(Body) => OParlTypes.Body,
        nameof(Model.LegislativeTerm) => OParlTypes.LegislativeTerm,
        nameof(Organization) => OParlTypes.Organization,
        nameof(Person) => OParlTypes.Person,
        nameof(Membership) => OParlTypes.Membership,
        nameof(Meeting) => OParlTypes.Meeting,
        nameof(AgendaItem) => OParlTypes.AgendaItem,
        nameof(Paper) => OParlTypes.Paper,
        nameof(Consultation) => OParlTypes.Consultation,
        nameof(DocumentFile) => OParlTypes.File,
        nameof(Location) => OParlTypes.Location,
        _ => null,
    };
}
