using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Data.Sqlite;
using OpenRis.Web.Model;
using OpenRis.Web.Search;

// Usage: dotnet bench/FollowBench/bin/Release/net10.0/OpenRis.FollowBench.dll <openris.db> <search-index-copy> [runs] [largest window]
// The digest of a followed saved search (Alerts/SavedSearchChanges.cs) on a generated municipality:
// for windows holding the N most recently changed papers, the wall time and this process's CPU
// seconds of one digest, next to one /suche query (SearchService.SearchAsync, page 1) as the
// same-run yardstick. The database is opened read-only; the index must be a copy (SearchIndex
// opens a writer on its folder), so nothing of the shared data is written.
var dbFile = args.ElementAtOrDefault(0) ?? throw new ArgumentException("usage: <openris.db> <search-index-copy> [runs]");
var indexPath = args.ElementAtOrDefault(1) ?? throw new ArgumentException("usage: <openris.db> <search-index-copy> [runs]");
var runs = int.Parse(args.ElementAtOrDefault(2) ?? "5", CultureInfo.InvariantCulture);
var largest = int.Parse(args.ElementAtOrDefault(3) ?? "10000", CultureInfo.InvariantCulture);
var me = Process.GetCurrentProcess();
double Cpu() { me.Refresh(); return me.TotalProcessorTime.TotalSeconds; }
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");

var options = new DbContextOptionsBuilder<SqliteRisDbContext>().UseSqlite($"Data Source={dbFile};Mode=ReadOnly").Options;
await using var db = new SqliteRisDbContext(options, TimeProvider.System, new AuditActor { Name = "bench" }, null);
using var index = new SearchIndex(indexPath, new GermanAnalysis(GermanAnalysis.LoadWordList("/usr/share/dict/ngerman")));
var search = new SearchService(index, new SearchRecheck(db));
var papers = await db.Papers.CountAsync();
Console.WriteLine($"papers: {papers:N0}, index: {indexPath}");

// Saved searches from common to rare words, one with a facet filter.
string[] saved = ["q=Stadt", "q=Radweg", "q=Digitalisierung", "q=%22Offene+Ganztagsschule%22", "q=Schule&jahr=2019"];
int[] windows = [100, 1_000, 10_000, 100_000];
var until = (await db.Papers.MaxAsync(p => p.Modified)).AddSeconds(1);

Console.WriteLine("saved search | window from the N-th most recently changed paper | digest lines | digest ms (median of runs) | digest CPU ms | of it index match ms | /suche query ms | ratio");
foreach (var query in saved)
{
    var request = SearchRequest.FromSavedSearch(query).Request!;
    var yardstick = await MeasureAsync(async () => (await search.SearchAsync(request, null, CancellationToken.None)).Total);
    foreach (var n in windows.Where(w => w <= papers && w <= largest))
    {
        // The window starts just before the n-th most recently changed paper.
        var since = (await db.Papers.OrderByDescending(p => p.Modified).Skip(n - 1).Select(p => p.Modified).FirstAsync()).AddTicks(-10);
        // The index's share: the saved search over the ids of the n most recently changed papers alone.
        var recent = await db.Papers.OrderByDescending(p => p.Modified).Take(n).Select(p => p.Id).ToListAsync();
        var match = await MeasureAsync(() => Task.FromResult(search.MatchingPapers(request, recent).Count));
        var follow = new Follow { Target = FollowTarget.Search, Query = query };
        var lines = 0;
        var digest = await MeasureAsync(async () => lines = (await SavedSearchChanges.SinceAsync(db, search, follow, since, until, CancellationToken.None)).Count);
        Console.WriteLine(FormattableString.Invariant($"{query} | {n:N0} | {lines} | {digest.Wall:F1} | {digest.Cpu:F1} | {match.Wall:F1} | {yardstick.Wall:F1} | {digest.Wall / yardstick.Wall:F1}"));
    }
}

async Task<(double Wall, double Cpu)> MeasureAsync(Func<Task<int>> work)
{
    await work(); // warm-up: JIT, page cache
    var walls = new List<double>();
    var cpus = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        db.ChangeTracker.Clear();
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        await work();
        walls.Add(watch.Elapsed.TotalMilliseconds);
        cpus.Add((Cpu() - cpu) * 1000);
    }
    return (walls.Order().ElementAt(runs / 2), cpus.Order().ElementAt(runs / 2));
}
