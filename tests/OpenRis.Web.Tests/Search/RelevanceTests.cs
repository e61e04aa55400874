using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The relevance set: reference numbers in every spelling, compounds, phrases, prefixes, typos and
/// known items from the real texts (a paper's title words must bring that paper into the top ten).
/// Recall@10 over all queries must reach 0.9; reference numbers must put the paper first.
/// </summary>
public sealed partial class RelevanceTests(SearchCorpus corpus) : IClassFixture<SearchCorpus>
{
    [GeneratedRegex(@"\p{L}{6,}")]
    private static partial Regex LongWord();

    private async Task<long> SeedPaperAsync(string reference) =>
        await corpus.Db.Papers.Where(p => p.Reference == reference).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);

    private async Task<List<long>> TopTenAsync(string query)
    {
        var result = await corpus.Service().SearchAsync(new SearchRequest { Query = query, PageSize = 10 }, null, TestContext.Current.CancellationToken);
        return result.Hits.Where(h => h.Type == "paper").Select(h => h.Id).ToList();
    }

    [Theory]
    [InlineData("0930/2018")]
    [InlineData("930/2018")]
    [InlineData("930/18")]
    [InlineData("DS 0930/2018")]
    [InlineData("Drucksache 0930-2018")]
    [InlineData("Vorlage 930/18 Digitalisierung")]
    public async Task ReferenceNumber_InAnySpelling_PutsThePaperFirst(string query)
    {
        var inquiry = await SeedPaperAsync("0930/2018");
        var top = await TopTenAsync(query);
        Assert.Equal(inquiry, top.FirstOrDefault());
    }

    [Fact]
    public async Task RecallAtTen_OverTheRelevanceSet_IsAtLeastNinetyPercent()
    {
        var inquiry = await SeedPaperAsync("0930/2018");
        var taskForce = await SeedPaperAsync("0853/2018");
        var cases = new List<(string Query, HashSet<long> Expected)>
        {
            ("0930/2018", [inquiry]),
            ("930/18", [inquiry]),
            ("DS 0930/2018", [inquiry]),
            ("Drucksache 0930-2018", [inquiry]),
            ("Digitalisierungsstrategie", [inquiry]),
            ("Strategie", [inquiry]),
            ("Digitalisierung Strategie", [inquiry]),
            ("E-Government", [inquiry]),
            ("\"E-Government\" Hagen", [inquiry]),
            ("Digitalisier*", [inquiry]),
            ("Digitalisirungsstrategie", [inquiry]),
            ("Task Force Digitalisierung", [taskForce]),
            ("0853/2018", [taskForce]),
            ("853/18", [taskForce]),
        };
        // Papers of the shared texts by their number (year first there: "2024/1083") in two spellings.
        foreach (var (_, reference, id) in corpus.Imported.Where(p => p.Reference is { Length: 9 } r && r[4] == '/').Take(8))
        {
            cases.Add(($"DS {reference}", [id]));
            cases.Add(($"Drucksache {reference!.Replace('/', '-')}", [id]));
        }
        // Known items: the three longest words of every 40th title; any paper with the same title counts.
        var titled = corpus.Imported.Where(p => LongWord().Count(p.Title) >= 2).OrderBy(p => p.Id).ToList();
        for (var i = 0; i < titled.Count; i += 40)
        {
            var title = titled[i].Title;
            var words = LongWord().Matches(title).Select(m => m.Value).Distinct().OrderByDescending(w => w.Length).Take(3);
            cases.Add((string.Join(' ', words), corpus.Imported.Where(p => p.Title == title).Select(p => p.Id).ToHashSet()));
        }
        Assert.True(cases.Count >= 40, $"only {cases.Count} queries");

        var misses = new List<string>();
        foreach (var (query, expected) in cases)
        {
            var top = await TopTenAsync(query);
            if (!top.Any(expected.Contains))
            {
                misses.Add(query);
            }
        }
        var recall = 1.0 - ((double)misses.Count / cases.Count);
        TestContext.Current.SendDiagnosticMessage($"recall@10 = {recall:0.000} over {cases.Count} queries; misses: {string.Join(" | ", misses)}");
        Assert.True(recall >= 0.9, $"recall@10 = {recall:0.000} over {cases.Count} queries; misses: {string.Join(" | ", misses)}");
    }

    [Fact]
    public async Task Compound_PartFindsTheWhole_AndSnippetMarksIt()
    {
        var result = await corpus.Service().SearchAsync(new SearchRequest { Query = "Strategie" }, null, TestContext.Current.CancellationToken);
        var hit = Assert.Single(result.Hits, h => h.Reference == "0930/2018");
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_CountKindsAndYears_AndAFilterNarrowsTheHits()
    {
        var service = corpus.Service();
        var all = await service.SearchAsync(new SearchRequest { Query = "Gemeinde" }, null, TestContext.Current.CancellationToken);
        var years = all.Facets[SearchFields.Year];
        Assert.True(years.Count > 3);
        var year = years[0];
        var filtered = await service.SearchAsync(new SearchRequest { Query = "Gemeinde", Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Year] = [year.Value] } }, null, TestContext.Current.CancellationToken);
        Assert.Equal(year.Count, filtered.Total);
        Assert.All(filtered.Hits, h => Assert.Equal(year.Value, h.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(filtered.Facets[SearchFields.Year].Single().Selected);
    }

    [Fact]
    public async Task SortByDate_PutsTheNewestFirst()
    {
        var result = await corpus.Service().SearchAsync(new SearchRequest { Query = "Haushalt", Sort = SearchSort.Date, PageSize = 30 }, null, TestContext.Current.CancellationToken);
        var dates = result.Hits.Where(h => h.Date is not null).Select(h => h.Date!.Value).ToList();
        Assert.True(dates.Count > 5);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Theory]
    [InlineData("930/18", "0930/2018")]
    [InlineData("DS 0930/2018", "0930/2018")]
    [InlineData("Drucksache 0930-2018", "0930/2018")]
    [InlineData("Anfrage 5/19 Radwege", "0005/2019")]
    public void SplitReferences_FindsTheNumber(string query, string expected)
    {
        var (references, _) = SearchService.SplitReferences(query);
        Assert.Equal([expected], references);
    }
}
