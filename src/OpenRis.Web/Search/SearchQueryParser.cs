using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace OpenRis.Web.Search;

/// <summary>
/// Parses what a reader types. Each word, phrase, prefix or fuzzy word must occur somewhere in the
/// document, which is one field, <see cref="SearchFields.All"/> (title, texts and file texts
/// together): that is the query <see cref="QueryParserBase.Parse"/> returns. Where the word also
/// occurs in the title, its title score ×4 adds to the hit's score: those title queries are
/// collected in <see cref="Bonus"/> and added by <see cref="ScoreBonusCollector"/>.
/// <para>
/// Asking title, text and files as three alternatives for every word instead cost twice as much for
/// a common word at 100,000 papers: Lucene then merges three long lists of documents per word,
/// where now it walks one and adds the scores of the few documents with the word in the title. The
/// scores are the sums of the query written out (each word: combined field and title together):
/// BM25 neither normalizes a query nor weighs by the share of clauses matched, and the title is part
/// of <see cref="SearchFields.All"/>, so a hit with a word of the query in its title also holds the
/// word wherever the query asks for it.
/// </para>
/// </summary>
internal sealed class SearchQueryParser : QueryParser
{
    private const float TitleBoost = 4f;
    private readonly List<Query> _bonus = [];

    public SearchQueryParser(Analyzer analyzer) : base(GermanAnalysis.Version, SearchFields.All, analyzer)
    {
        DefaultOperator = Operator.AND;
        AllowLeadingWildcard = false;
        FuzzyMinSim = 2f;
        FuzzyPrefixLength = 1;
    }

    /// <summary>What the title adds to the score of a hit of the parsed query; null when nothing.</summary>
    public Query? Bonus
    {
        get
        {
            if (_bonus.Count == 0)
            {
                return null;
            }
            var bonus = new BooleanQuery(disableCoord: true);
            foreach (var query in _bonus)
            {
                bonus.Add(query, Occur.SHOULD);
            }
            return bonus;
        }
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        WithBonus(field, f => base.GetFieldQuery(f, queryText, quoted));

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        WithBonus(field, f => WithSlop(base.GetFieldQuery(f, queryText, quoted: true), slop));

    protected override Query GetPrefixQuery(string field, string termStr) => WithBonus(field, f => base.GetPrefixQuery(f, termStr));

    protected override Query GetWildcardQuery(string field, string termStr) => WithBonus(field, f => base.GetWildcardQuery(f, termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => WithBonus(field, f => base.GetFuzzyQuery(f, termStr, minSimilarity));

    private Query WithBonus(string field, Func<string, Query?> build)
    {
        var query = build(field);
        if (field == SearchFields.All && query is not null)
        {
            if (build(SearchFields.Title) is { } title)
            {
                title.Boost = TitleBoost;
                _bonus.Add(title);
            }
        }
        return query!; // null: only stop words, which the parser leaves out
    }

    private static Query? WithSlop(Query? query, int slop)
    {
        switch (query)
        {
            case PhraseQuery phrase:
                phrase.Slop = slop;
                break;
            case MultiPhraseQuery phrases:
                phrases.Slop = slop;
                break;
        }
        return query;
    }
}
