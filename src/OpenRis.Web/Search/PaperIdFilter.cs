using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using OpenRis.Web.Model;

namespace OpenRis.Web.Search;

/// <summary>
/// Restricts a search to given papers and tells, for each hit, which paper it is, without reading stored
/// documents: the keys are looked up in each segment's terms, and the document numbers found are remembered.
/// Reading ids from stored fields decompresses whole blocks of paper texts; for a digest window of
/// 10,000 papers that was most of its cost.
/// </summary>
internal sealed class PaperIdFilter(IReadOnlyCollection<long> paperIds) : Filter
{
    private readonly List<(string Key, long Id)> _keys = [.. paperIds.Distinct()
        .Select(id => (SearchDocument.KeyOf(SearchKinds.Paper, id), id))
        .OrderBy(k => k.Item1, StringComparer.Ordinal)];

    private readonly Dictionary<int, long> _paperOfDoc = [];

    /// <summary>The paper of a top-level document number, for hits of a search run with this filter.</summary>
    public long PaperOf(int doc) => _paperOfDoc[doc];

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        if (reader.GetTerms(SearchFields.Key) is not { } terms)
        {
            return null;
        }
        var bits = new FixedBitSet(reader.MaxDoc);
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        foreach (var (key, id) in _keys)
        {
            if (!termsEnum.SeekExact(new BytesRef(key)))
            {
                continue;
            }
            docs = termsEnum.Docs(acceptDocs, docs, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits.Set(doc);
                _paperOfDoc[context.DocBase + doc] = id;
            }
        }
        return bits;
    }
}
