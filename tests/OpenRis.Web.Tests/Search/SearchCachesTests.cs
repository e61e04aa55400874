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
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(GermanAnalysis.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.AddDocument([StoredText.Field(SearchFields.Files, text)]);
            writer.AddDocument([new StoredField(SearchFields.Files, text)]);
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var deflated = reader.Document(0);
        Assert.True(deflated.GetField(SearchFields.Files).GetBinaryValue().Length < text.Length / 10);
        Assert.Equal(text, StoredText.Read(deflated, SearchFields.Files));
        Assert.Equal(text, StoredText.Read(reader.Document(1), SearchFields.Files));
        Assert.Null(StoredText.Read(reader.Document(1), SearchFields.Text));
    }
}
