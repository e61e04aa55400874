using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// Splits German compounds into the dictionary words they contain, the way Lucene's
/// DictionaryCompoundWordTokenFilter does with onlyLongestMatch (at every start position the longest
/// word of the list), but remembers the split of every word it has seen: a council corpus repeats
/// the same few hundred thousand words, and probing every substring of a long word against the
/// 356,000-word list for each occurrence made indexing about ten times slower than it needs to be.
/// </summary>
public sealed class CompoundSplitter(CharArraySet words)
{
    public const int MinWordSize = 10;
    public const int MinPartSize = 5;
    public const int MaxPartSize = 24;

    // Bounded so that a stream of unique garbage tokens cannot grow it without end; refilled on demand.
    private const int MaxCached = 500_000;
    private static readonly (int Start, int Length)[] NoParts = [];
    private readonly ConcurrentDictionary<string, (int Start, int Length)[]> _cache = new(StringComparer.Ordinal);

    /// <summary>Start and length of every part found in the lower-cased word.</summary>
    public (int Start, int Length)[] Split(ReadOnlySpan<char> word)
    {
        if (word.Length < MinWordSize)
        {
            return NoParts;
        }
        var lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known))
        {
            return known;
        }
        var parts = Probe(word);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        lookup.TryAdd(word, parts);
        return parts;
    }

    private (int Start, int Length)[] Probe(ReadOnlySpan<char> word)
    {
        var buffer = word.ToArray();
        List<(int, int)>? parts = null;
        for (var start = 0; start <= buffer.Length - MinPartSize; start++)
        {
            var longest = 0;
            for (var length = MinPartSize; length <= MaxPartSize && start + length <= buffer.Length; length++)
            {
                if (words.Contains(buffer, start, length))
                {
                    longest = length;
                }
            }
            if (longest > 0)
            {
                (parts ??= []).Add((start, longest));
            }
        }
        return parts is null ? NoParts : [.. parts];
    }
}

/// <summary>
/// Emits each token, then its compound parts at the same position (index side only). A part only
/// changes the term and its position increment: every other attribute (offsets above all) is still
/// the whole word's, since the filters after this one change nothing but the term; so no state is
/// captured and restored per word, which was a good share of indexing time.
/// </summary>
internal sealed class CompoundPartsFilter : TokenFilter
{
    private readonly CompoundSplitter _splitter;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private (int Start, int Length)[] _parts = [];
    private int _next;
    private char[] _word = new char[32];

    public CompoundPartsFilter(TokenStream input, CompoundSplitter splitter) : base(input)
    {
        _splitter = splitter;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _parts.Length)
        {
            var (start, length) = _parts[_next++];
            _term.CopyBuffer(_word, start, length);
            _position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var word = _term.Buffer.AsSpan(0, _term.Length);
        _parts = _splitter.Split(word);
        _next = 0;
        if (_parts.Length > 0)
        {
            // Parts keep the offsets of the whole word, as in Lucene 4.8: a hit on a part highlights the compound.
            if (_word.Length < word.Length)
            {
                _word = new char[word.Length * 2];
            }
            word.CopyTo(_word);
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts = [];
        _next = 0;
    }
}
