using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data;

/// <summary>
/// OParl 1.1 §2.8: a change to an embedded object (or its deletion) must bump the <c>modified</c>
/// of every object that embeds it, or incremental crawlers miss it. The embedding follows the
/// spec (AgendaItem in Meeting, Consultation in Paper, File in Paper/Meeting/AgendaItem …) plus
/// the parts of a paper that OParl does not have (questions, signatures, offices, impact checks).
/// </summary>
public abstract partial class RisDbContext
{
    private readonly record struct ObjectKey(Type Type, long Id);

    private static readonly (string Name, Type Type)[] JoinOwners =
        [("PaperId", typeof(Paper)), ("MeetingId", typeof(Meeting)), ("ConsultationId", typeof(Consultation))];

    /// <returns>
    /// The parents to bump, and among them those whose own state a change of a part without an OParl
    /// document of its own may have changed (a published Nachtrag makes the meeting's items public, a
    /// signature releases a statement): their neighbours are rendered again too, not only themselves.
    /// </returns>
    private async Task<(HashSet<ObjectKey> ToBump, HashSet<ObjectKey> StateChanged)> FindParentsToBumpAsync(List<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var queue = new Queue<ObjectKey>();
        var stateChanged = new HashSet<ObjectKey>();
        foreach (var entry in changed)
        {
            foreach (var parent in await ParentsOfEntryAsync(entry, cancellationToken))
            {
                queue.Enqueue(parent);
                if (entry.Entity is not OParlObject)
                {
                    stateChanged.Add(parent);
                }
            }
        }

        var stampedAlready = changed
            .Where(e => e.Entity is OParlObject)
            .Select(e => new ObjectKey(e.Entity.GetType(), ((OParlObject)e.Entity).Id))
            .ToHashSet();
        var seen = new HashSet<ObjectKey>();
        var toBump = new HashSet<ObjectKey>();
        while (queue.TryDequeue(out var key))
        {
            if (key.Id <= 0 || !seen.Add(key))
            {
                continue;
            }
            if (!stampedAlready.Contains(key))
            {
                toBump.Add(key);
            }
            foreach (var grandParent in await ParentsOfKeyAsync(key, cancellationToken))
            {
                queue.Enqueue(grandParent);
            }
        }
        return (toBump, stateChanged);
    }

    private async Task<List<ObjectKey>> ParentsOfEntryAsync(EntityEntry entry, CancellationToken cancellationToken)
    {
        var parents = new List<ObjectKey>();
        void Add<TParent>(string foreignKey)
        {
            var property = entry.Property(foreignKey);
            if (property.CurrentValue is long current)
            {
                parents.Add(new ObjectKey(typeof(TParent), current));
            }
            if (entry.State != EntityState.Added && property.OriginalValue is long original && !Equals(original, property.CurrentValue))
            {
                parents.Add(new ObjectKey(typeof(TParent), original));
            }
        }

        switch (entry.Entity)
        {
            case LegislativeTerm:
                Add<Body>(nameof(LegislativeTerm.BodyId));
                break;
            case Membership:
                Add<Person>(nameof(Membership.PersonId));
                break;
            case AgendaItem:
                Add<Meeting>(nameof(AgendaItem.MeetingId));
                break;
            case AgendaVersion:
                // A published Nachtrag makes its items public: the meeting and its items are served anew.
                Add<Meeting>(nameof(AgendaVersion.MeetingId));
                break;
            case Consultation:
                Add<Paper>(nameof(Consultation.PaperId));
                break;
            case DocumentFile:
                Add<Paper>(nameof(DocumentFile.PaperId));
                Add<Meeting>(nameof(DocumentFile.MeetingId));
                Add<AgendaItem>(nameof(DocumentFile.AgendaItemId));
                break;
            case Question or Signature or PaperOffice or ImpactAssessment:
                Add<Paper>("PaperId");
                break;
            case PaperReference:
                Add<Paper>(nameof(PaperReference.FromPaperId));
                Add<Paper>(nameof(PaperReference.ToPaperId));
                break;
            case MeetingOrganization:
                Add<Meeting>(nameof(MeetingOrganization.MeetingId));
                break;
            case Location location when entry.State != EntityState.Added:
                parents.AddRange(await ParentsOfLocationAsync(location.Id, cancellationToken));
                break;
            case Dictionary<string, object>:
                // Join rows of many-to-many links belong to the object that lists them.
                foreach (var owner in JoinOwners)
                {
                    if (entry.Metadata.FindProperty(owner.Name) is not null && entry.Property(owner.Name).CurrentValue is long id)
                    {
                        parents.Add(new ObjectKey(owner.Type, id));
                    }
                }
                break;
        }
        return parents;
    }

    /// <summary>Parents of an object that is itself only bumped (not loaded): the few embedded types that embed others.</summary>
    private async Task<List<ObjectKey>> ParentsOfKeyAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (key.Type == typeof(AgendaItem))
        {
            var meetingId = await AgendaItems.IgnoreQueryFilters().Where(a => a.Id == key.Id).Select(a => (long?)a.MeetingId).FirstOrDefaultAsync(cancellationToken);
            return meetingId is long m ? [new ObjectKey(typeof(Meeting), m)] : [];
        }
        if (key.Type == typeof(Consultation))
        {
            var paperId = await Consultations.IgnoreQueryFilters().Where(c => c.Id == key.Id).Select(c => (long?)c.PaperId).FirstOrDefaultAsync(cancellationToken);
            return paperId is long p ? [new ObjectKey(typeof(Paper), p)] : [];
        }
        return [];
    }

    private async Task<List<ObjectKey>> ParentsOfLocationAsync(long locationId, CancellationToken cancellationToken) =>
        [.. (await LocationUsersAsync([locationId], cancellationToken)).Select(u => new ObjectKey(u.Type, u.Id))];

    /// <summary>
    /// The Bodies, Organizations, Persons, Meetings and Papers that use any of these Locations (deleted
    /// ones too): they embed or link them, and they make them visible.
    /// </summary>
    public async Task<List<(Type Type, long Id)>> LocationUsersAsync(List<long> locationIds, CancellationToken cancellationToken)
    {
        var users = new List<(Type, long)>();
        void Add(Type type, List<long> ids) => users.AddRange(ids.Select(id => (type, id)));
        Add(typeof(Body), await Bodies.IgnoreQueryFilters().Where(b => b.LocationId != null && locationIds.Contains(b.LocationId.Value)).Select(b => b.Id).ToListAsync(cancellationToken));
        Add(typeof(Organization), await Organizations.IgnoreQueryFilters().Where(o => o.LocationId != null && locationIds.Contains(o.LocationId.Value)).Select(o => o.Id).ToListAsync(cancellationToken));
        Add(typeof(Person), await Persons.IgnoreQueryFilters().Where(p => p.LocationId != null && locationIds.Contains(p.LocationId.Value)).Select(p => p.Id).ToListAsync(cancellationToken));
        Add(typeof(Meeting), await Meetings.IgnoreQueryFilters().Where(m => m.LocationId != null && locationIds.Contains(m.LocationId.Value)).Select(m => m.Id).ToListAsync(cancellationToken));
        Add(typeof(Paper), await Papers.IgnoreQueryFilters().Where(p => p.Locations.Any(l => locationIds.Contains(l.Id))).Select(p => p.Id).ToListAsync(cancellationToken));
        return users;
    }

    private async Task BumpParentsAsync(HashSet<ObjectKey> parents, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var group in parents.GroupBy(p => p.Type))
        {
            var ids = group.Select(k => k.Id).ToList();
            var task = group.Key.Name switch
            {
                nameof(Body) => BumpAsync<Body>(ids, now, cancellationToken),
                nameof(Organization) => BumpAsync<Organization>(ids, now, cancellationToken),
                nameof(Person) => BumpAsync<Person>(ids, now, cancellationToken),
                nameof(Meeting) => BumpAsync<Meeting>(ids, now, cancellationToken),
                nameof(AgendaItem) => BumpAsync<AgendaItem>(ids, now, cancellationToken),
                nameof(Paper) => BumpAsync<Paper>(ids, now, cancellationToken),
                nameof(Consultation) => BumpAsync<Consultation>(ids, now, cancellationToken),
                _ => throw new InvalidOperationException($"No parent bump for {group.Key.Name}."),
            };
            await task;
        }
    }

    private async Task BumpAsync<T>(List<long> ids, DateTime now, CancellationToken cancellationToken)
        where T : OParlObject
    {
        // A bump is not an edit: it leaves Revision alone, so a clerk editing the parent gets no false conflict.
        await Set<T>().IgnoreQueryFilters().Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Modified, now), cancellationToken);
        foreach (var tracked in ChangeTracker.Entries<T>().Where(e => ids.Contains(e.Entity.Id)))
        {
            tracked.Entity.Modified = now;
            tracked.Property(e => e.Modified).OriginalValue = now;
            tracked.Property(e => e.Modified).IsModified = false;
        }
    }
}
