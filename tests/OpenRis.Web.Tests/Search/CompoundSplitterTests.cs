using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The cached splitter must index exactly what Lucene's DictionaryCompoundWordTokenFilter did
/// (same parts, offsets and positions), so that making it fast changed no search result.
/// </summary>
public sealed class CompoundSplitterTests
{
    private static List<string> Tokens(string text, Func<TokenStream, TokenStream> compounds)
    {
        var tokenizer = new StandardTokenizer(GermanAnalysis.Version, new StringReader(text));
        using var stream = compounds(new LowerCaseFilter(GermanAnalysis.Version, tokenizer));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term} {offset.StartOffset}-{offset.EndOffset} +{position.PositionIncrement}");
        }
        stream.End();
        return tokens;
    }

    [Fact]
    public void SplitsTheSeedAndTheCouncilTextsExactlyAsLucenesFilter()
    {
        var words = GermanAnalysis.LoadWordList("/usr/share/dict/ngerman");
        Assert.NotNull(words);
        var splitter = new CompoundSplitter(words);
        var texts = new[] { SharedData.SeedText }.Concat(Directory.EnumerateFiles(SharedData.Path("data/texts"), "*.txt", SearchOption.AllDirectories).Order().Take(40).Select(File.ReadAllText));
        var compared = 0;
        foreach (var text in texts)
        {
            var lucene = Tokens(text, s => new DictionaryCompoundWordTokenFilter(GermanAnalysis.Version, s, words, minWordSize: 10, minSubwordSize: 5, maxSubwordSize: 24, onlyLongestMatch: true));
            // Twice through the same splitter: the second pass answers from the cache.
            Assert.Equal(lucene, Tokens(text, s => new CompoundPartsFilter(s, splitter)));
            Assert.Equal(lucene, Tokens(text, s => new CompoundPartsFilter(s, splitter)));
            compared += lucene.Count;
        }
        Assert.True(compared > 10_000, $"only {compared} tokens compared");
        Assert.Contains("strategie", string.Join(' ', Tokens("Digitalisierungsstrategie", s => new CompoundPartsFilter(s, splitter))), StringComparison.Ordinal);
    }
}
