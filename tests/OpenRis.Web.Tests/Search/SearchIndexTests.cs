using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// An index written by an earlier version in another format (before it was recorded: format 1)
/// would answer the queries of this one with nothing. It counts as not built: the search says it is
/// being built instead of showing no hits, and the indexer rebuilds it on start.
/// </summary>
public sealed class SearchIndexTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IndexOfAnEarlierFormat_SaysItIsBeingBuilt_AndIsRebuiltOnStart()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var path = Path.Combine(database.Folder, "search");
        await using (var app = new RisApp(database))
        {
            await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
            var built = await app.Client().SearchApiAsync("Digitalisierung");
            Assert.False(built.GetProperty("indexBuilding").GetBoolean());
            Assert.True(built.GetProperty("total").GetInt32() > 0);
        }

        // What an earlier version left: the same commit data without a format.
        using (var directory = FSDirectory.Open(path))
        {
            var data = DirectoryReader.ListCommits(directory)[^1].UserData.Where(d => d.Key != "format").ToDictionary();
            Assert.Contains("outbox", data.Keys);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(GermanAnalysis.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
            writer.SetCommitData(data);
            writer.Commit();
        }
        var analysis = new GermanAnalysis(null);
        using (var stale = new SearchIndex(path, analysis))
        {
            Assert.Equal(1, stale.Format);
            Assert.False(stale.IsBuilt);
            await using var db = database.NewContext();
            var result = await new SearchService(stale, new SearchRecheck(db)).SearchAsync(new SearchRequest { Query = "Digitalisierung" }, null, Token);
            Assert.True(result.IndexBuilding);
        }

        await using (var app = new RisApp(database))
        {
            await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
            var rebuilt = await app.Client().SearchApiAsync("Digitalisierung");
            Assert.False(rebuilt.GetProperty("indexBuilding").GetBoolean());
            Assert.True(rebuilt.GetProperty("total").GetInt32() > 0);
        }
        using var current = new SearchIndex(path, analysis);
        Assert.Equal(SearchIndex.CurrentFormat, current.Format);
        Assert.True(current.IsBuilt);
    }

    [Fact]
    public async Task IndexKilledDuringItsFirstCommit_CountsAsNotBuilt_AndIsRebuiltOnStart()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var path = Path.Combine(database.Folder, "search");
        await using (var app = new RisApp(database))
        {
            await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
        }
        // What kill -9 leaves while a new index writes its first commit (seen in CI: "openris check"
        // then died at start with "read past EOF" on segments_1): a commit file cut short, nothing before it.
        var commit = System.IO.Directory.GetFiles(path, "segments_*").Single();
        var head = (await File.ReadAllBytesAsync(commit, Token))[..20];
        foreach (var file in System.IO.Directory.GetFiles(path))
        {
            File.Delete(file);
        }
        await File.WriteAllBytesAsync(Path.Combine(path, "segments_1"), head, Token);

        using (var cut = new SearchIndex(path, new GermanAnalysis(null)))
        {
            Assert.False(cut.IsBuilt);
        }
        await using (var app = new RisApp(database))
        {
            await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
            var rebuilt = await app.Client().SearchApiAsync("Digitalisierung");
            Assert.False(rebuilt.GetProperty("indexBuilding").GetBoolean());
            Assert.True(rebuilt.GetProperty("total").GetInt32() > 0);
        }
    }
}
