using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// The reader's entitlement and chosen facet values, as a bit set per segment computed once and
/// kept while the segment lives. Every query asks for the same few filters (anonymous readers all
/// for "public"), and a filter with random access lets Lucene score hits with its out-of-order
/// bulk scorer instead of leap-frogging the filter's postings for each query. Segments never
/// change (an update adds the new version to a new segment and marks the old one deleted, and
/// deletes are applied on top of the cached set), so a cached set cannot go stale.
/// </summary>
internal static class CachedFilters
{
    // Distinct filters are few (audiences × facet selections in use); the bound keeps odd traffic from growing it.
    private const int MaxFilters = 1000;
    private static readonly ConcurrentDictionary<string, Filter> Cache = new(StringComparer.Ordinal);

    public static Filter For(Query filter)
    {
        var key = filter.ToString();
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (Cache.Count >= MaxFilters)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(key, _ => new BitSetFilter(new QueryWrapperFilter(filter)));
    }

    internal sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        // The default cache (WAH8) has no random access; a FixedBitSet has.
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator)
            {
                bits.Or(iterator);
            }
            return bits;
        }
    }

    /// <summary>Passes on only the hits whose bit is set in the filter's set of their segment.</summary>
    internal sealed class Collector(BitSetFilter filter, ICollector inner) : ICollector
    {
        private IBits? _bits;

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            // Deleted documents never reach a collector: the searcher leaves them out itself.
            _bits = filter.GetDocIdSet(context, null)?.Bits;
            inner.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            if (_bits is { } bits && bits.Get(doc))
            {
                inner.Collect(doc);
            }
        }
    }
}
