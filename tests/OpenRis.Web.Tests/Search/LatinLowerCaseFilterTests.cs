using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The fast lower-casing must give exactly the terms Lucene's LowerCaseFilter gives, so that an index
/// built before it and queries after it (or the other way round) still meet.
/// </summary>
public sealed class LatinLowerCaseFilterTests
{
    private static List<string> Terms(string text, Func<TokenStream, TokenStream> lowerCase)
    {
        // Whitespace only: every character, punctuation and symbols included, reaches the filter.
        using var stream = lowerCase(new WhitespaceTokenizer(GermanAnalysis.Version, new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    [Fact]
    public void EveryCharacterUpToU024F_AndTheCouncilTexts_AsLucenesLowerCaseFilter()
    {
        // Each character alone and inside a word, from ASCII through Latin-1 into Latin Extended
        // (where Lucene's own way takes over), plus Greek, Turkish İ, ẞ and a surrogate pair.
        var characters = Enumerable.Range(0x21, 0x250 - 0x21).Select(c => (char)c).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))
            .SelectMany(c => new[] { c.ToString(), $"Ab{c}Cd", $"STRA{c}E" });
        var text = string.Join(' ', characters) + " ΑΘΗΝΑ İstanbul GROẞE 𝐀𝐁 Straße GEBÜHREN Öffentlichkeit ÄÖÜ " + SharedData.SeedText
            + string.Join(' ', Directory.EnumerateFiles(SharedData.Path("data/texts"), "*.txt", SearchOption.AllDirectories).Order().Take(20).Select(File.ReadAllText));

        var expected = Terms(text, s => new LowerCaseFilter(GermanAnalysis.Version, s));
        var actual = Terms(text, s => new LatinLowerCaseFilter(s));

        Assert.True(expected.Count > 5_000, $"only {expected.Count} terms compared");
        Assert.Equal(expected, actual);
        Assert.Contains("straße", actual);
        Assert.Contains("gebühren", actual);
        Assert.Contains("öffentlichkeit", actual);
    }
}
