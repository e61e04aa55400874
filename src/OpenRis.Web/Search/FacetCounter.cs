using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// Counts facet values of every hit (Lucene.Net.Facet is not available here). A common word hits
/// nearly every document, and reading the doc values of five fields for each of 100,000 hits cost
/// more than the search itself; so each segment's ordinals are read from the doc values once into
/// plain arrays (<see cref="SegmentOrdinals"/>, kept as long as the segment lives), and counting a
/// hit is one array increment per value.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    // Keyed by the segment's core: shared by every reader that holds the segment, whatever its deletes.
    private static readonly ConditionalWeakTable<object, SegmentOrdinals> Segments = new();

    private readonly Dictionary<string, Dictionary<string, int>> _totals = SearchFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());
    private readonly int[][] _counts = new int[SearchFields.Facets.Length][];
    private SegmentOrdinals? _segment;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = Segments.GetValue(context.AtomicReader.CoreCacheKey, _ => SegmentOrdinals.Read(context.AtomicReader));
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = new int[_segment.Values[i].Length];
        }
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        for (var i = 0; i < _counts.Length; i++)
        {
            var counts = _counts[i];
            if (segment.Single[i] is { } single)
            {
                if (single[doc] is var ord and >= 0)
                {
                    counts[ord]++;
                }
                continue;
            }
            var starts = segment.Starts[i];
            var ords = segment.Ords[i];
            for (var j = starts[doc]; j < starts[doc + 1]; j++)
            {
                counts[ords[j]]++;
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
        if (_segment is not { } segment)
        {
            return;
        }
        for (var i = 0; i < _counts.Length; i++)
        {
            var counts = _counts[i];
            var totals = _totals[SearchFields.Facets[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] != 0)
                {
                    var value = segment.Values[i][ord];
                    totals[value] = totals.GetValueOrDefault(value) + counts[ord];
                }
            }
        }
        _segment = null;
    }

    /// <summary>
    /// One segment's facet ordinals per field: document d has <c>Ords[f][Starts[f][d]..Starts[f][d+1]]</c>,
    /// each an index into <c>Values[f]</c>. A field no document of the segment has twice (kind, year,
    /// status) also has <c>Single[f][d]</c>, the one ordinal or -1: a hit then costs one read per field.
    /// </summary>
    internal sealed class SegmentOrdinals
    {
        public required int[][] Starts { get; init; }
        public required int[][] Ords { get; init; }
        public required int[]?[] Single { get; init; }
        public required string[][] Values { get; init; }

        public static SegmentOrdinals Read(AtomicReader reader)
        {
            var fields = SearchFields.Facets;
            var starts = new int[fields.Length][];
            var ords = new int[fields.Length][];
            var values = new string[fields.Length][];
            var single = new int[]?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                var docValues = reader.GetSortedSetDocValues(fields[i]);
                var start = new int[reader.MaxDoc + 1];
                var list = new List<int>(reader.MaxDoc);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    start[doc] = list.Count;
                    if (docValues is null)
                    {
                        continue;
                    }
                    docValues.SetDocument(doc);
                    long ord;
                    while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        list.Add((int)ord);
                    }
                }
                start[reader.MaxDoc] = list.Count;
                var names = new string[docValues?.ValueCount ?? 0];
                var term = new BytesRef();
                for (var ord = 0; ord < names.Length; ord++)
                {
                    docValues!.LookupOrd(ord, term);
                    names[ord] = term.Utf8ToString();
                }
                (starts[i], ords[i], values[i]) = (start, [.. list], names);
                single[i] = SingleOrNull(start, ords[i]);
            }
            return new SegmentOrdinals { Starts = starts, Ords = ords, Single = single, Values = values };
        }

        private static int[]? SingleOrNull(int[] starts, int[] ords)
        {
            var single = new int[starts.Length - 1];
            for (var doc = 0; doc < single.Length; doc++)
            {
                switch (starts[doc + 1] - starts[doc])
                {
                    case 0:
                        single[doc] = -1;
                        break;
                    case 1:
                        single[doc] = ords[starts[doc]];
                        break;
                    default:
                        return null;
                }
            }
            return single;
        }
    }
}
