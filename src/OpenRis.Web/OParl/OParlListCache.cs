using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace OpenRis.Web.OParl;

/// <summary>Count and id range of one filtered list: what totalElements and the prev/next/last links need.</summary>
internal sealed record OParlListStats(int Count, long? MinId, long? MaxId);

/// <summary>A page's Content-Length and Last-Modified, known once it has been served at a data version.</summary>
internal sealed record OParlPageHead(long Length, DateTime LastModified);

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

    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _version = -1;

    /// <summary>The current data version: one row by key, read on every request, so that every node sees every other node's writes at once.</summary>
    public const string DataVersionSql = "SELECT \"DataVersion\" FROM \"OParlProjectionState\" ORDER BY \"Id\" LIMIT 1";

    /// <summary>A weak validator for the page at <paramref name="pageUrl"/> (every parameter spelled out) at this data version.</summary>
    public static string ETag(long version, string pageUrl)
    {
        var key = Encoding.UTF8.GetBytes($"{OParlProjection.Version}|{version}|{pageUrl}");
        return $"W/\"v{Convert.ToHexStringLower(XxHash128.Hash(key))}\"";
    }

    public Task<OParlListStats> StatsAsync(long? version, string key, Func<Task<OParlListStats>> count) =>
        GetAsync(version, "stats|" + key, count);

    /// <summary>Whether a Body or Organization is public and not deleted (the owner of a list), per data version.</summary>
    public Task<bool> ExistsAsync(long? version, string type, long id, Func<Task<bool>> exists) =>
        GetAsync(version, $"exists|{type}|{id}", exists);

    /// <summary>The length and Last-Modified of the page with this ETag (which names data version and page URL), if it was served before.</summary>
    public OParlPageHead? Head(long version, string etag) =>
        Current(version) && _entries.TryGetValue("head|" + etag, out var head) ? (OParlPageHead)head : null;

    public void SetHead(long version, string etag, OParlPageHead head) => Set(version, "head|" + etag, head);

    private async Task<T> GetAsync<T>(long? version, string key, Func<Task<T>> compute)
    {
        // The version is part of the key, so an entry can never be read for another version, even in a race with a writer.
        key = $"{version}|{key}";
        if (version is long current && Current(current) && _entries.TryGetValue(key, out var cached))
        {
            return (T)cached;
        }
        var value = await compute();
        if (version is long v)
        {
            Set(v, key, value!);
        }
        return value;
    }

    private void Set(long version, string key, object value)
    {
        if (Current(version))
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
            _entries[key] = value;
        }
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
                _entries.Clear();
                _version = version;
            }
            return _version == version;
        }
    }
}
