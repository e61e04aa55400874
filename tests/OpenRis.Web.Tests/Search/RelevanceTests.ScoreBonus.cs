using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The search matches the combined field and adds the title's score afterwards
/// (<see cref="SearchQueryParser"/>, <see cref="ScoreBonusCollector"/>); every hit must get exactly
/// the score of the query written out, where each word asks the combined field and the title
/// together, so splitting it changed no ranking.
/// </summary>
public sealed partial class RelevanceTests
{
    [Theory]
    [InlineData("Digitalisierung", "Digitalisierung")]
    [InlineData("Stadt", "Stadt")]
    [InlineData("Gemeinderat Stadt", "Stadt")]
    [InlineData("Strategie", "strategie")]
    [InlineData("\"öffentliche Sitzung\"", "Sitzung")]
    [InlineData("Schul*", "Schul")]
    [InlineData("Haushalt OR Radweg", "Haushalt")]
    [InlineData("Haushalt -Stadt", "Haushalt")]
    [InlineData("Haushlat~", "Haushalt")]
    public void TitleBonus_GivesEveryHitTheScoreOfTheQueryWrittenOut(string query, string inTitle)
    {
        var analyzer = corpus.Index!.Analysis.Query;
        var parser = new SearchQueryParser(analyzer);
        var match = parser.Parse(query);
        var bonus = parser.Bonus;
        Assert.NotNull(bonus);
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var expected = new AllScores();
            searcher.Search(new WrittenOutParser(analyzer).Parse(query), expected);
            var actual = new AllScores();
            using (var withBonus = new ScoreBonusCollector(searcher.CreateNormalizedWeight(bonus), actual))
            {
                searcher.Search(match, withBonus);
            }

            Assert.True(expected.Scores.Count > 0, $"no hits for {query}");
            Assert.Equal(expected.Scores.Keys.Order(), actual.Scores.Keys.Order());
            var titled = 0;
            foreach (var (doc, score) in expected.Scores)
            {
                Assert.True(Math.Abs(score - actual.Scores[doc]) <= 1e-4 * Math.Max(1, score), $"{query}: document {doc} scored {actual.Scores[doc]}, written out {score}");
                titled += searcher.Doc(doc).Get(SearchFields.Title, System.Globalization.CultureInfo.InvariantCulture).Contains(inTitle, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
            // The bonus mattered: some hits hold the word in their title.
            Assert.True(titled > 0, $"{query}: no hit with {inTitle} in its title");
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    /// <summary>Every hit's score, by the index-wide document number.</summary>
    private sealed class AllScores : ICollector
    {
        private Scorer? _scorer;
        private int _base;

        public Dictionary<int, float> Scores { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => Scores[_base + doc] = _scorer!.GetScore();
    }

    /// <summary>Each word, phrase, prefix or fuzzy word as one clause: the combined field, and the title ×4 beside it.</summary>
    private sealed class WrittenOutParser : QueryParser
    {
        public WrittenOutParser(Analyzer analyzer) : base(GermanAnalysis.Version, SearchFields.All, analyzer)
        {
            DefaultOperator = Operator.AND;
            FuzzyMinSim = 2f;
            FuzzyPrefixLength = 1;
        }

        protected override Query GetFieldQuery(string field, string queryText, bool quoted) => Written(f => base.GetFieldQuery(f, queryText, quoted))!;

        protected override Query GetPrefixQuery(string field, string termStr) => Written(f => base.GetPrefixQuery(f, termStr))!;

        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => Written(f => base.GetFuzzyQuery(f, termStr, minSimilarity))!;

        private static BooleanQuery? Written(Func<string, Query?> build)
        {
            var all = build(SearchFields.All);
            if (all is null)
            {
                return null;
            }
            var title = build(SearchFields.Title)!;
            title.Boost = 4f;
            return new BooleanQuery(disableCoord: true) { { all, Occur.MUST }, { title, Occur.SHOULD } };
        }
    }
}
