using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Data;

public abstract partial class RisDbContext
{
    private const int MaxAuditValueLength = 4000;

    private static void ApplySoftDeleteFilters(ModelBuilder b)
    {
        b.Entity<OParlSystem>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Body>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<LegislativeTerm>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Organization>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Person>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Membership>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Meeting>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<AgendaItem>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Paper>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Consultation>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<DocumentFile>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
        b.Entity<Location>().HasQueryFilter(SoftDeleteFilter, e => !e.Deleted);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("OpenRIS saves asynchronously only: use SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // OParl dates have seconds; PostgreSQL keeps microseconds. Stamping at microseconds keeps both providers equal.
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);

        var changed = StampChangedObjects(now);
        var (parents, stateChanged) = await FindParentsToBumpAsync(changed, cancellationToken);
        var audit = AuditEnabled ? CollectAudit(now) : [];

        var projected = Projection is null ? [] : changed
            .Where(e => e.Entity is OParlObject)
            .Select(e => (e.Entity, Type: e.Entity.GetType()))
            .ToList();
        var searchable = changed.Where(e => e.Entity is OParlObject).Select(e => e.Entity).ToList();
        if (parents.Count == 0 && audit.Count == 0 && projected.Count == 0 && searchable.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Ids of new rows exist only after the insert, so the audit rows and the parent bumps follow
        // in the same transaction: either all of it lands, or nothing does.
        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // What follows changes tracked rows only explicitly (new rows, bumps, documents marked modified):
        // scanning every tracked row for changes again, on each save and on each DbSet.Local of the
        // rendering, was a tenth of an import's CPU time.
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await SaveFollowUpsAsync(acceptAllChangesOnSuccess, now, parents, stateChanged, audit, projected, searchable, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return written;
    }

    /// <summary>After the insert, in its transaction: parent bumps, search outbox, audit rows and the OParl documents.</summary>
    private async Task SaveFollowUpsAsync(bool acceptAllChangesOnSuccess, DateTime now, HashSet<ObjectKey> parents, HashSet<ObjectKey> stateChanged, List<(EntityEntry Entry, AuditEntry Row)> audit,
        List<(object Entity, Type Type)> projected, List<object> searchable, CancellationToken cancellationToken)
    {
        if (!KeepsSourceTimes)
        {
            await BumpParentsAsync(parents, now, cancellationToken);
        }
        var outbox = SearchOutboxRows(searchable, parents, now);
        SearchOutbox.AddRange(outbox);
        if (audit.Count > 0 || outbox.Count > 0)
        {
            foreach (var (entry, row) in audit)
            {
                // The first key column names the row; link rows (MeetingOrganization) are named by their owner.
                var key = entry.Metadata.FindPrimaryKey()!.Properties[0];
                row.EntityId = entry.Property(key.Name).CurrentValue is long id ? id : 0;
                if (row.Action == AuditAction.Added)
                {
                    row.Changes = DescribeChanges(entry, added: true);
                }
            }
            AuditEntries.AddRange(audit.Select(a => a.Row));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Projection is not null && (projected.Count > 0 || parents.Count > 0))
        {
            var objects = projected.Select(p => (p.Type, ((OParlObject)p.Entity).Id)).Concat(stateChanged.Select(p => (p.Type, p.Id)));
            await Projection.RefreshAsync(this, objects, parents.Where(p => !stateChanged.Contains(p)).Select(p => (p.Type, p.Id)), now, KeepsSourceTimes, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    /// <summary>
    /// One outbox row per search document touched: the changed objects themselves and every parent
    /// that embeds them (a file or question changes its paper's document, an agenda item its meeting's).
    /// Called after the insert, when new rows have their ids.
    /// </summary>
    private static List<SearchOutboxEntry> SearchOutboxRows(List<object> changed, IEnumerable<ObjectKey> parents, DateTime now) =>
        changed.Select(e => (Type: e.GetType(), ((OParlObject)e).Id))
            .Concat(parents.Select(p => (p.Type, p.Id)))
            .Select(k => (Kind: SearchKinds.Of(k.Type), k.Id))
            .Where(k => k.Kind is not null && k.Id > 0)
            .Distinct()
            .Select(k => new SearchOutboxEntry { Kind = k.Kind!, EntityId = k.Id, At = now })
            .ToList();

    /// <summary>Sets created/modified/revision and turns a removal of an OParl object into a tombstone.</summary>
    private List<EntityEntry> StampChangedObjects(DateTime now)
    {
        var changed = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            changed.Add(entry);
            if (entry.Entity is not OParlObject obj)
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    if (!KeepsSourceTimes || obj.Created == default || obj.Modified == default)
                    {
                        obj.Created = now;
                        obj.Modified = now;
                    }
                    obj.Revision = 1;
                    break;
                case EntityState.Modified:
                    if (!KeepsSourceTimes)
                    {
                        obj.Modified = now;
                    }
                    obj.Revision++;
                    break;
                case EntityState.Deleted:
                    // OParl 1.1 §2.8: objects never disappear; they become tombstones.
                    entry.State = EntityState.Modified;
                    obj.Deleted = true;
                    obj.Modified = now;
                    obj.Revision++;
                    break;
            }
        }
        return changed;
    }

    /// <summary>
    /// Audit rows for everything about to be saved. Changes of edited rows are read now, while the
    /// original values are at hand; the values of new rows after the insert, when keys are real.
    /// </summary>
    private List<(EntityEntry Entry, AuditEntry Row)> CollectAudit(DateTime now)
    {
        var rows = new List<(EntityEntry, AuditEntry)>();
        foreach (var entry in ChangeTracker.Entries())
        {
            // Accounts are left out: their rows carry password hashes and security stamps. Mail rows
            // only report a change that is audited itself, and their delivery attempts are no change. Follows hold
            // citizens' e-mail addresses, which must be erasable and so never enter the permanent audit trail.
            if (entry.Entity is AuditEntry or OParlDocument or OParlProjectionState or RisUser or OutgoingMail or Follow || entry.Metadata.IsPropertyBag
                || entry.Metadata.ClrType.Namespace == "Microsoft.AspNetCore.Identity"
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ when entry.Entity is OParlObject { Deleted: true } && !(bool)entry.Property(nameof(OParlObject.Deleted)).OriginalValue! => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var row = new AuditEntry { At = now, Actor = actor.Name, EntityType = entry.Metadata.ClrType.Name, Action = action };
            if (action != AuditAction.Added)
            {
                row.Changes = DescribeChanges(entry, added: false);
            }
            rows.Add((entry, row));
        }
        return rows;
    }

    private static string? DescribeChanges(EntityEntry entry, bool added)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(OParlObject.Id) or nameof(OParlObject.Created) or nameof(OParlObject.Modified) or nameof(OParlObject.Revision))
            {
                continue;
            }
            if (added && property.CurrentValue is not null)
            {
                changes[name] = [null, Shorten(property.CurrentValue)];
            }
            else if (!added && property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                changes[name] = [Shorten(property.OriginalValue), Shorten(property.CurrentValue)];
            }
        }
        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes);
    }

    private static object? Shorten(object? value) => value switch
    {
        string s when s.Length > MaxAuditValueLength => string.Concat(s.AsSpan(0, MaxAuditValueLength), "…"),
        _ => value,
    };
}
