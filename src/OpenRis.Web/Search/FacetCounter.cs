using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// Counts facet values of every hit from the facet fields' doc values (Lucene.Net.Facet is not
/// available here). Counting per segment by ordinal keeps it to one array increment per value.
/// </summary>
internal sealed class FacetCounter(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
    private readonly int[][] _counts = new int[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            _counts[i] = new int[_values[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _counts[i][ord]++;
            }
        }
    }

    /// <summary>Value → count per field, after the search.</summary>
    public Dictionary<string, Dictionary<string, int>> Totals()
    {
        Flush();
        return _totals;
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }
            var counts = _counts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[fields[i]][key] = _totals[fields[i]].GetValueOrDefault(key) + counts[ord];
            }
            _values[i] = null;
        }
    }
}
