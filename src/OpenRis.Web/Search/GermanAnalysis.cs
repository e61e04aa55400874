using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// The German analysis of the index: lower case, compound parts (index side only), stop words,
/// umlaut normalization (ä→a, ß→ss, so "Strasse" finds "Straße") and the light German stemmer.
/// The query side does not split compounds: "Strategie" finds "Digitalisierungsstrategie" through
/// the parts indexed with it, while "Digitalisierungsstrategie" stays precise.
/// </summary>
public sealed class GermanAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public GermanAnalysis(CharArraySet? compoundParts)
    {
        CompoundParts = compoundParts;
        Index = new GermanSearchAnalyzer(compoundParts is null ? null : new CompoundSplitter(compoundParts));
        Query = new GermanSearchAnalyzer(null);
    }

    public CharArraySet? CompoundParts { get; }
    public Analyzer Index { get; }
    public Analyzer Query { get; }

    /// <summary>Reads a word list (one word a line); parts shorter than five letters split too eagerly ("Rate", "Amt").</summary>
    public static CharArraySet? LoadWordList(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var words = File.ReadLines(path)
            .Select(w => w.Trim())
            .Where(w => w.Length is >= 5 and <= 24 && w.All(char.IsLetter))
            .Select(w => w.ToLowerInvariant());
        return new CharArraySet(Version, words.ToList(), ignoreCase: false);
    }

    private sealed class GermanSearchAnalyzer(CompoundSplitter? compounds) : Analyzer
    {
        // Between the values of a field made of several (title, text and files in "all").
        public override int GetPositionIncrementGap(string fieldName) => 100;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new LatinLowerCaseFilter(stream);
            if (compounds is not null)
            {
                stream = new CompoundPartsFilter(stream, compounds);
            }
            stream = new StopFilter(Version, stream, GermanAnalyzer.DefaultStopSet);
            stream = new GermanNormalizationFilter(stream);
            stream = new GermanLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
