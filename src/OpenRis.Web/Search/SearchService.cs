using System.Text.RegularExpressions;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using OpenRis.Documents;
using OpenRis.Web.Model;

namespace OpenRis.Web.Search;

/// <summary>
/// Runs searches on this node's index. Entitlement is a filter in every query (so counts, facets
/// and snippets never see what the reader may not), and the page of hits is checked again against
/// the database by <see cref="SearchRecheck"/> before anyone sees it.
/// </summary>
public sealed partial class SearchService(SearchIndex index, SearchRecheck recheck)
{
    private const int FuzzyBelow = 3;

    /// <summary>The last search outbox row this node's index has applied.</summary>
    public long IndexedPosition => index.Position;
    // A snippet shows two fragments of 160 characters; the window they are chosen from is three long.
    private const int FragmentSize = 160;
    private const int SnippetWindow = 3 * FragmentSize;

    [GeneratedRegex(@"^\d{1,4}(?:-\d{1,2})?[/-]\d{2,4}$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\b(?:DS|Ds\.|Drucksache|Drucksachen-?(?:nummer|nr\.?)|Vorlage|Vorlagen-?(?:nummer|nr\.?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberKeyword();

    [GeneratedRegex(@"^(\d{1,4})[/-](\d{1,4})$")]
    private static partial Regex OtherScheme();

    [GeneratedRegex(@"[""*?~:^()\[\]{}+\-!]|\b(?:AND|OR|NOT)\b")]
    private static partial Regex QuerySyntax();

    public async Task<SearchResult> SearchAsync(SearchRequest request, Actor? actor, CancellationToken cancellationToken)
    {
        var (references, text) = SplitReferences(request.Query);
        var textQuery = ParseText(text, fuzzy: false);
        var query = Combine(references, textQuery?.Match);
        var filter = Filter(request, actor, since: null);

        var (total, docs, facets) = Run(query, textQuery?.Bonus, filter, request);
        var fuzzy = false;
        if (total < FuzzyBelow && references.Count == 0 && text.Length > 0 && !QuerySyntax().IsMatch(text)
            && ParseText(text, fuzzy: true) is { } fuzzyQuery)
        {
            var second = Run(fuzzyQuery.Match, fuzzyQuery.Bonus, filter, request);
            if (second.Total > total)
            {
                (total, docs, facets, fuzzy, textQuery, query) = (second.Total, second.Docs, second.Facets, true, fuzzyQuery, fuzzyQuery.Match);
            }
        }

        var hits = Hits(docs, textQuery?.Match ?? query);
        var visible = await recheck.VisibleAsync(hits, actor, cancellationToken);
        total -= hits.Count - visible.Count;
        return new SearchResult(request, Math.Max(total, visible.Count), visible, FacetValues(facets, request), fuzzy, references.FirstOrDefault()) { IndexBuilding = !index.IsBuilt };
    }

    /// <summary>
    /// For alerts and feeds of a saved search: what matches and was created or changed since
    /// <paramref name="sinceUtc"/>, newest first, as <paramref name="actor"/> may see it (null: public).
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> ChangedSinceAsync(SearchRequest request, DateTime sinceUtc, Actor? actor, int max, CancellationToken cancellationToken)
    {
        var (references, text) = SplitReferences(request.Query);
        var query = Combine(references, ParseText(text, fuzzy: false)?.Match);
        var page = request with { Page = 1, PageSize = Math.Clamp(max, 1, 500), Sort = SearchSort.Date };
        // Newest first: the score only orders hits of the same date, so the title bonus is left out.
        var (_, docs, _) = Run(query, bonus: null, Filter(request, actor, sinceUtc), page, countFacets: false);
        return await recheck.VisibleAsync(Hits(docs, query), actor, cancellationToken);
    }

    /// <summary>
    /// For the digest of a followed saved search: which of these papers the search finds now, exactly as an
    /// anonymous visitor searches (public audience, the search's filters, no fuzzy fallback, which would
    /// announce papers the reader did not ask for). The caller checks the ids against the database again.
    /// </summary>
    public IReadOnlyList<long> MatchingPapers(SearchRequest request, IReadOnlyCollection<long> paperIds)
    {
        if (paperIds.Count == 0)
        {
            return [];
        }
        var (references, text) = SplitReferences(request.Query);
        var query = Combine(references, ParseText(text, fuzzy: false)?.Match);
        // The papers' filter applied first: a saved search of a common word ("Stadt") matches most of
        // the index, the window only a few papers.
        var papers = new PaperIdFilter(paperIds);
        var searcher = index.Searchers.Acquire();
        try
        {
            var top = searcher.Search(new FilteredQuery(query, papers, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), Filter(request, actor: null, since: null), paperIds.Count);
            return [.. top.ScoreDocs.Select(d => papers.PaperOf(d.Doc))];
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>Drucksachennummern in any usual spelling, and the rest of the query.</summary>
    internal static (List<string> References, string Text) SplitReferences(string query)
    {
        var references = new List<string>();
        var rest = query;
        foreach (var match in PaperNumbers.Find(query))
        {
            references.Add(match.Reference);
            rest = rest.Replace(match.CitedAs, " ", StringComparison.Ordinal);
        }
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var word in words.ToList())
        {
            if (BareNumber().IsMatch(word) && PaperNumbers.Normalize(word) is { } reference)
            {
                references.Add(reference);
                words.Remove(word);
            }
            else if (OtherScheme().Match(word) is { Success: true } other)
            {
                // Numbers of other schemes (year first, "2024/1083") are indexed as written, with '/'.
                references.Add($"{other.Groups[1].Value}/{other.Groups[2].Value}");
                words.Remove(word);
            }
        }
        rest = string.Join(' ', words);
        if (references.Count > 0)
        {
            rest = NumberKeyword().Replace(rest, " ").Trim();
        }
        return (references.Distinct().ToList(), rest.Trim());
    }

    /// <summary>What every hit must match, and what the title adds to the score (see <see cref="SearchQueryParser"/>).</summary>
    private sealed record TextQuery(Query Match, Query? Bonus);

    private TextQuery? ParseText(string text, bool fuzzy)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (fuzzy)
        {
            text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => QueryParserBase.Escape(w) + (w.Length >= 4 ? "~" : "")));
        }
        try
        {
            return Parse(text);
        }
        catch (ParseException)
        {
            // Stray quotes, brackets or operators without operands ("AND OR NOT"): search the words as
            // typed instead of failing; operator words lower-cased are plain words to the parser.
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w is "AND" or "OR" or "NOT" ? w.ToLowerInvariant() : QueryParserBase.Escape(w));
            try
            {
                return Parse(string.Join(' ', words));
            }
            catch (ParseException)
            {
                return new TextQuery(new BooleanQuery(), null); // matches nothing, like any other query without a searchable word
            }
        }

        // A parser per attempt: it collects the title queries of what it parsed.
        TextQuery Parse(string typed)
        {
            var parser = new SearchQueryParser(index.Analysis.Query);
            return new TextQuery(parser.Parse(typed), parser.Bonus);
        }
    }

    private static Query Combine(List<string> references, Query? text)
    {
        if (references.Count == 0)
        {
            return text ?? new MatchAllDocsQuery();
        }
        // The paper itself first, then statements answering it, then whatever else matches the words.
        var query = new BooleanQuery();
        foreach (var reference in references)
        {
            query.Add(new TermQuery(new Term(SearchFields.Number, reference)) { Boost = 100f }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(SearchFields.RelatedNumber, reference)) { Boost = 20f }, Occur.SHOULD);
        }
        if (text is not null)
        {
            var both = new BooleanQuery { { query, Occur.SHOULD }, { text, Occur.SHOULD } };
            return both;
        }
        return query;
    }

    private static Filter Filter(SearchRequest request, Actor? actor, DateTime? since)
    {
        var filter = new BooleanQuery();
        var audience = new BooleanQuery();
        foreach (var token in SearchAudience.Of(actor))
        {
            audience.Add(new TermQuery(new Term(SearchFields.Audience, token)), Occur.SHOULD);
        }
        filter.Add(audience, Occur.MUST);
        foreach (var (field, values) in request.Filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            }
            filter.Add(any, Occur.MUST);
        }
        if (since is { } from)
        {
            // A time is different in every call: not worth caching.
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.Modified, from.Ticks, null, true, true), Occur.MUST);
            return new QueryWrapperFilter(filter);
        }
        return CachedFilters.For(filter);
    }

    private (int Total, List<(Document Doc, float Score)> Docs, Dictionary<string, Dictionary<string, int>> Facets) Run(Query query, Query? bonus, Filter filter, SearchRequest request, bool countFacets = true)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var wanted = Math.Max(1, request.Page * request.PageSize);
            ITopDocsCollector top = request.Sort == SearchSort.Date
                ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE), wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            // Feeds and alerts show no facets: they need not count them.
            var facets = countFacets ? new FacetCounter() : null;
            var collector = facets is null ? (ICollector)top : MultiCollector.Wrap((ICollector)top, facets);
            using var withBonus = bonus is null ? null : new ScoreBonusCollector(searcher.CreateNormalizedWeight(bonus), collector);
            collector = withBonus ?? collector;
            if (filter is CachedFilters.BitSetFilter cached)
            {
                // The cached bit set is asked per hit instead of being handed to the scorer: a
                // filtered query is scored in document order, an unfiltered one-word query by
                // Lucene's faster out-of-order scorer. Same hits, counts and facets.
                searcher.Search(query, new CachedFilters.Collector(cached, collector));
            }
            else
            {
                searcher.Search(query, filter, collector);
            }
            var topDocs = top.GetTopDocs((request.Page - 1) * request.PageSize, request.PageSize);
            var docs = topDocs.ScoreDocs.Select(d => (searcher.Doc(d.Doc), d.Score)).ToList();
            return (topDocs.TotalHits, docs, facets?.Totals() ?? []);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private List<SearchHit> Hits(List<(Document Doc, float Score)> docs, Query highlightQuery)
    {
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(highlightQuery))
        {
            TextFragmenter = new SimpleFragmenter(FragmentSize),
            MaxDocCharsToAnalyze = SnippetWindow,
        };
        var words = QueryTermExtractor.GetTerms(highlightQuery).Select(t => t.Term).Where(t => t.Length >= 3).Distinct().ToArray();
        return docs.Select(d =>
        {
            var type = d.Doc.Get(SearchFields.Type, System.Globalization.CultureInfo.InvariantCulture);
            var id = d.Doc.GetField(SearchFields.Id).GetInt64Value() ?? 0;
            var date = d.Doc.Get(SearchFields.Date, System.Globalization.CultureInfo.InvariantCulture) is { } stored ? DateOnly.ParseExact(stored, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
            var modified = new DateTime(d.Doc.GetField(SearchFields.Modified).GetInt64Value() ?? 0, DateTimeKind.Utc);
            return new SearchHit(type, id, d.Doc.Get(SearchFields.Title, System.Globalization.CultureInfo.InvariantCulture), d.Doc.Get(SearchFields.Reference, System.Globalization.CultureInfo.InvariantCulture), date, d.Doc.Get(SearchFields.Label, System.Globalization.CultureInfo.InvariantCulture), SearchRecheck.PublicUrl(type, id), Snippet(highlighter, words, d.Doc), modified);
        }).ToList();
    }

    private string? Snippet(Highlighter highlighter, string[] words, Document doc)
    {
        var texts = new[] { SearchFields.Text, SearchFields.Files }
            .Select(field => (Field: field, Stored: StoredText.ReadUntil(doc, field, words, SnippetWindow)))
            .Where(t => !string.IsNullOrWhiteSpace(t.Stored?.Text))
            .Select(t => (t.Field, t.Stored!.Value.Text, t.Stored!.Value.First))
            .ToList();
        // Where a query word occurs as typed first (the paper's text before its files); the beginnings
        // of the texts only when it occurs in none of them as typed (a stemmed or umlaut form).
        foreach (var (field, text, first) in texts.Where(t => t.First >= 0).Concat(texts.Where(t => t.First < 0)))
        {
            var window = Window(text, first);
            using var tokens = index.Analysis.Index.GetTokenStream(field, window);
            var fragments = highlighter.GetBestFragments(tokens, window, 2);
            if (fragments.Length > 0)
            {
                return string.Join(" … ", fragments.Select(f => f.Trim()));
            }
        }
        return null;
    }

    /// <summary>
    /// Re-analysing the whole text of every hit for its snippet cost most of a query's time (a paper
    /// with its files runs to 20,000 characters and more), so only a window around the first place a
    /// query word (stemmed, lower case) occurs is highlighted (<paramref name="first"/>, found by
    /// <see cref="StoredText.ReadUntil"/>); a compound containing the word counts, as in the index.
    /// Without such a place (-1) the window is the text's beginning.
    /// </summary>
    internal static string Window(string text, int first)
    {
        if (text.Length <= SnippetWindow)
        {
            return text;
        }
        first = Math.Max(0, first);
        var start = Math.Max(0, first - SnippetWindow / 4);
        // Start and end at a space, so no word is cut in half.
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < first)
        {
            start = space + 1;
        }
        var end = Math.Min(text.Length, start + SnippetWindow);
        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var last && last > first)
        {
            end = last;
        }
        return text[start..end];
    }

    private static Dictionary<string, IReadOnlyList<FacetValue>> FacetValues(Dictionary<string, Dictionary<string, int>> counts, SearchRequest request) =>
        counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value
                .Select(v => new FacetValue(v.Key, v.Value, request.Filters.TryGetValue(f.Key, out var selected) && selected.Contains(v.Key)))
                .OrderByDescending(v => f.Key == SearchFields.Year ? int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture) : v.Count)
                .ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(20)
                .ToList());
}
