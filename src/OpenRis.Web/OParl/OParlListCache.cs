using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.OParl;

/// <summary>Count and id range of one filtered list: what totalElements and the prev/next/last links need.</summary>
internal sealed record OParlListStats(int Count, long? MinId, long? MaxId);

/// <summary>
/// What a list page needs besides its own rows, kept per <see cref="OParlProjectionState.DataVersion"/>:
/// the count and id range of each list and filter, so that a page does not count the whole list
/// again, and the page's ETag, so that a 304 touches no document. Equal data versions mean equal
/// pages; every save that changes a stored document raises the version in its own transaction.
/// </summary>
internal sealed class OParlListCache
{
    // Bounded: modified_since filters come in endless spellings of time.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, OParlListStats> _stats = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _version = -1;

    /// <summary>The current data version, or null while no projection state exists (then nothing is cached).</summary>
    public static async Task<long?> DataVersionAsync(RisDbContext db, CancellationToken ct) =>
        await db.Set<OParlProjectionState>().AsNoTracking().OrderBy(s => s.Id).Select(s => (long?)s.DataVersion).FirstOrDefaultAsync(ct);

    /// <summary>A weak validator for the page at <paramref name="pageUrl"/> (every parameter spelled out) at this data version.</summary>
    public static string ETag(long version, string pageUrl)
    {
        var key = Encoding.UTF8.GetBytes($"{OParlProjection.Version}|{version}|{pageUrl}");
        return $"W/\"v{Convert.ToHexStringLower(XxHash128.Hash(key))}\"";
    }

    public async Task<OParlListStats> StatsAsync(long? version, string key, IQueryable<OParlDocument> filtered, CancellationToken ct)
    {
        // The version is part of the key, so an entry can never be read for another version, even in a race with a writer.
        key = $"{version}|{key}";
        if (version is long current && Current(current) && _stats.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var stats = new OParlListStats(
            await filtered.CountAsync(ct),
            await filtered.MinAsync(d => (long?)d.ObjectId, ct),
            await filtered.MaxAsync(d => (long?)d.ObjectId, ct));
        if (version is long v && Current(v))
        {
            if (_stats.Count >= MaxEntries)
            {
                _stats.Clear();
            }
            _stats[key] = stats;
        }
        return stats;
    }

    /// <summary>Moves the cache forward to <paramref name="version"/>; false for a request that read an older version.</summary>
    private bool Current(long version)
    {
        if (Volatile.Read(ref _version) == version)
        {
            return true;
        }
        lock (_lock)
        {
            if (version > _version)
            {
                _stats.Clear();
                _version = version;
            }
            return _version == version;
        }
    }
}
