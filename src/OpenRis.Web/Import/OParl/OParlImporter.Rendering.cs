using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    private const int RenderBatch = 2000;

    /// <summary>
    /// Renders the OParl documents of everything saved since the run started, in batches. The set
    /// is read from the data (modified since the start), not kept in memory, so a run resumed after
    /// a crash also renders what the crashed part saved.
    /// </summary>
    private async Task RenderChangedAsync(OParlProjection? projection, DateTime since, CancellationToken ct)
    {
        if (projection is null)
        {
            return;
        }
        var keys = new List<(Type Type, long Id)>();
        async Task Add<T>(IQueryable<T> set) where T : OParlObject =>
            keys.AddRange((await set.IgnoreQueryFilters().Where(e => e.Modified >= since).Select(e => e.Id).ToListAsync(ct)).Select(id => (typeof(T), id)));
        await Add(_db.Bodies);
        await Add(_db.LegislativeTerms);
        await Add(_db.Locations);
        await Add(_db.Organizations);
        await Add(_db.Persons);
        await Add(_db.Memberships);
        await Add(_db.Meetings);
        await Add(_db.AgendaItems);
        await Add(_db.Papers);
        await Add(_db.Consultations);
        await Add(_db.Files);
        // A first import into a (nearly) empty instance changes most documents: rendering all of them in
        // one pass (as after a change of OParl:BaseUrl) is far cheaper than refreshing each with its neighbours.
        if (keys.Count > 0 && keys.Count * 2 > await _db.OParlDocuments.CountAsync(ct))
        {
            await projection.RebuildAsync(_db, _db.Clock.GetUtcNow().UtcDateTime, null, ct);
            _db.ChangeTracker.Clear();
            await _progress.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  OParl-Dokumente neu erzeugt ({keys.Count} Objekte geändert)"));
            return;
        }
        for (var start = 0; start < keys.Count; start += RenderBatch)
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            await projection.RefreshAsync(_db, keys.GetRange(start, Math.Min(RenderBatch, keys.Count - start)), _db.Clock.GetUtcNow().UtcDateTime, ct);
            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _db.ChangeTracker.Clear();
        }
        if (keys.Count > 0)
        {
            await _progress.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  OParl-Dokumente für {keys.Count} Objekte erneuert"));
        }
    }
}
