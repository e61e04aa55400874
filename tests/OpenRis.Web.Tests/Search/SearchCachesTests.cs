using System.Net;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// What makes a query cheap at 100,000 papers must not make it wrong: the entitlement bit sets and
/// facet ordinals cached per segment follow every update (a changed paper is a new document in a
/// new segment, its old version deleted), and the texts stored deflated read back exactly, as do
/// plain stored texts of an index built before.
/// </summary>
public sealed class SearchCachesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<JsonElement> ApiAsync(HttpClient client, string query) => client.SearchApiAsync(query);

    private static int FacetSum(JsonElement result, string facet) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CachedFilterAndFacets_FollowAPaperMadeNonPublicAndPublicAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var anonymous = app.Client();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        await indexer.CatchUpAsync(Token);
        long id;
        await using (var db = database.NewContext())
        {
            id = await db.Papers.Where(p => p.Reference == "0930/2018").Select(p => p.Id).SingleAsync(Token);
        }
        // The first search fills the caches for the segments as they are now.
        var before = await ApiAsync(anonymous, "Digitalisierung");
        var kinds = FacetSum(before, "art");
        Assert.True(kinds > 0);

        await SetPublicAsync(false);
        var hidden = await ApiAsync(anonymous, "Digitalisierung");
        Assert.Equal(kinds - 1, FacetSum(hidden, "art"));
        Assert.DoesNotContain(hidden.GetProperty("hits").EnumerateArray(), h => h.GetProperty("id").GetInt64() == id && h.GetProperty("type").GetString() == "paper");

        await SetPublicAsync(true);
        var again = await ApiAsync(anonymous, "Digitalisierung");
        Assert.Equal(kinds, FacetSum(again, "art"));
        Assert.Contains(again.GetProperty("hits").EnumerateArray(), h => h.GetProperty("id").GetInt64() == id && h.GetProperty("type").GetString() == "paper");

        async Task SetPublicAsync(bool value)
        {
            await using (var db = database.NewContext())
            {
                var paper = await db.Papers.SingleAsync(p => p.Id == id, Token);
                paper.Public = value;
                paper.NonPublicReason = value ? null : "Test";
                await db.SaveChangesAsync(Token);
            }
            await indexer.CatchUpAsync(Token);
        }
    }

    [Fact]
    public void StoredText_ReadsDeflatedAndPlainStoredTexts()
    {
        var text = string.Concat(Enumerable.Repeat("Digitalisierungsstrategie der Stadt Hagen – Straße, Größe, ½. ", 500));
        using var directory = DeflatedThenPlain(text);
        using var reader = DirectoryReader.Open(directory);
        var deflated = reader.Document(0);
        Assert.True(deflated.GetField(SearchFields.Files).GetBinaryValue().Length < text.Length / 10);
        Assert.Equal(text, StoredText.Read(deflated, SearchFields.Files));
        Assert.Equal(text, StoredText.Read(reader.Document(1), SearchFields.Files));
        Assert.Null(StoredText.Read(reader.Document(1), SearchFields.Text));
    }

    [Fact]
    public void StoredText_ReadUntil_InflatesOnlyPastTheFirstPlaceOfAWord_TheWholeTextWithoutOne()
    {
        // A word that straddles the reader's steps (a multiple of 1,024 characters), far into a 40,000-character text.
        var filler = string.Concat(Enumerable.Repeat("Bericht über die Sitzung des Ausschusses, Größe ½. ", 800));
        var at = 4_090;
        var text = filler[..at] + "DIGITALISIERUNGSSTRATEGIE " + filler[at..] + " Haushalt";
        using var directory = DeflatedThenPlain(text);
        using var reader = DirectoryReader.Open(directory);
        foreach (var doc in new[] { reader.Document(0), reader.Document(1) })
        {
            var found = StoredText.ReadUntil(doc, SearchFields.Files, ["haushalt", "digitalisierungsstrategie"], 800)!.Value;
            Assert.Equal(at, found.First);
            Assert.True(found.Text.Length >= at + 800, $"{found.Text.Length} characters read");
            Assert.StartsWith(found.Text, text, StringComparison.Ordinal);
            if (doc == reader.Document(0))
            {
                Assert.True(found.Text.Length < 12_000, $"{found.Text.Length} characters inflated for a word at {at}");
            }
            var missing = StoredText.ReadUntil(doc, SearchFields.Files, ["gewerbesteuer"], 800)!.Value;
            Assert.Equal((text, -1), missing);
            Assert.Equal(text.Length - "Haushalt".Length, StoredText.ReadUntil(doc, SearchFields.Files, ["haushalt"], 800)!.Value.First);
        }
    }

    [Fact]
    public void FacetCounter_CountsSingleAndMultiValuedFieldsOfEveryHit()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(GermanAnalysis.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            // Kind is single-valued (or missing); body has two values in one document.
            writer.AddDocument([Facet(SearchFields.Kind, "Anfrage"), Facet(SearchFields.Body, "Rat"), Facet(SearchFields.Body, "HFA")]);
            writer.AddDocument([Facet(SearchFields.Kind, "Antrag"), Facet(SearchFields.Body, "Rat")]);
            writer.AddDocument([Facet(SearchFields.Body, "BV Mitte")]);
            writer.AddDocument([Facet(SearchFields.Kind, "Anfrage")]);
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var counter = new FacetCounter();
        new Lucene.Net.Search.IndexSearcher(reader).Search(new Lucene.Net.Search.MatchAllDocsQuery(), counter);
        var totals = counter.Totals();

        Assert.Equal(new Dictionary<string, int> { ["Anfrage"] = 2, ["Antrag"] = 1 }, totals[SearchFields.Kind]);
        Assert.Equal(new Dictionary<string, int> { ["Rat"] = 2, ["HFA"] = 1, ["BV Mitte"] = 1 }, totals[SearchFields.Body]);
        Assert.Empty(totals[SearchFields.Year]);

        static SortedSetDocValuesField Facet(string field, string value) => new(field, new Lucene.Net.Util.BytesRef(value));
    }

    /// <summary>An index of two documents holding the text as files: deflated (as now), then plain (as before).</summary>
    private static RAMDirectory DeflatedThenPlain(string text)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(GermanAnalysis.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
        writer.AddDocument([StoredText.Field(SearchFields.Files, text)]);
        writer.AddDocument([new StoredField(SearchFields.Files, text)]);
        writer.Commit();
        return directory;
    }
}
