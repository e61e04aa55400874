using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenRis.Web.Data;
using OpenRis.Web.Data.Sqlite;
using OpenRis.Web.Model;
using OpenRis.Web.Search;

// Usage: dotnet run -c Release --project bench/SearchBench -- <papers> <texts-dir> <work-dir> [postgres-connection]
// Builds an OpenRIS SQLite database with <papers> papers and three file texts each (chunks of the
// real council texts), inserted by bulk SQL; indexes it with the app's own SearchIndex; measures
// 1–3-word queries with facets through the app's SearchService (database re-check included) at 1
// and 8 concurrent clients; then the same texts in PostgreSQL with GIN + ts_rank as the yardstick.
var papers = int.Parse(args.ElementAtOrDefault(0) ?? "10000", CultureInfo.InvariantCulture);
var textsDir = args.ElementAtOrDefault(1) ?? "../shared/data/texts";
var work = Path.GetFullPath(args.ElementAtOrDefault(2) ?? "bench/.data/search");
var postgres = args.ElementAtOrDefault(3) ?? Environment.GetEnvironmentVariable("OPENRIS_BENCH_POSTGRES");
Directory.CreateDirectory(work);
var dbFile = Path.Combine(work, "openris.db");
var connection = $"Data Source={dbFile}";
// The corpus of an earlier run with the same size is reused (building it is not what is measured).
var reuse = File.Exists(dbFile) && await CountPapersAsync() == papers;
if (!reuse)
{
    File.Delete(dbFile);
}
async Task<long> CountPapersAsync()
{
    await using var c = new SqliteConnection(connection);
    await c.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = "SELECT count(*) FROM Papers";
    try { return (long)(await cmd.ExecuteScalarAsync())!; } catch (SqliteException) { return -1; }
}
var me = Process.GetCurrentProcess();
double Cpu() { me.Refresh(); return me.TotalProcessorTime.TotalSeconds; }
static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
DbContextOptions<SqliteRisDbContext> Options() => new DbContextOptionsBuilder<SqliteRisDbContext>().UseSqlite(connection).Options;
RisDbContext NewContext() => new SqliteRisDbContext(Options(), TimeProvider.System, new AuditActor { Name = "bench" }, null);

// ---- corpus: paragraphs of the real texts, recombined per file
var paragraphs = Directory.EnumerateFiles(textsDir, "*.txt", SearchOption.AllDirectories)
    .SelectMany(f => File.ReadAllText(f).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
    .Where(p => p.Length > 80).ToArray();
var titles = paragraphs.Select(p => p.Split('\n')[0]).Where(t => t.Length is > 15 and < 160).ToArray();
var random = new Random(1);
// Files of council papers run to a few pages: about 7,000 characters on average (3,000–11,000).
string FileText()
{
    var target = random.Next(3_000, 11_000);
    var text = new System.Text.StringBuilder();
    while (text.Length < target)
    {
        text.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
    }
    return text.ToString(0, Math.Min(text.Length, target + 500));
}

var clock = Stopwatch.StartNew();
long textBytes = 0;
if (!reuse)
{
    await using (var db = NewContext())
    {
        await db.Database.MigrateAsync();
        db.Bodies.Add(new Body { Name = "Benchmarkstadt" });
        db.PaperKinds.AddRange(OpenRis.Web.Demo.DemoMunicipality.DefaultPaperKinds());
        await db.SaveChangesAsync();
    }
    await using (var sqlite = new SqliteConnection(connection))
    {
        await sqlite.OpenAsync();
        await using var tx = await sqlite.BeginTransactionAsync();
        var kinds = new List<long>();
        await using (var k = sqlite.CreateCommand())
        {
            k.CommandText = "SELECT Id FROM PaperKinds";
            await using var r = await k.ExecuteReaderAsync();
            while (await r.ReadAsync()) { kinds.Add(r.GetInt64(0)); }
        }
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var paper = sqlite.CreateCommand();
        paper.CommandText = "INSERT INTO Papers (Id, BodyId, Name, Reference, Date, PaperKindId, Status, Public, Text, Created, Modified, Deleted, Revision, Keyword) VALUES ($id, 1, $name, $ref, $date, $kind, 'Published', 1, $text, $now, $now, 0, 1, '[]')";
        foreach (var name in new[] { "$id", "$name", "$ref", "$date", "$kind", "$text", "$now" }) { paper.Parameters.Add(new SqliteParameter(name, null)); }
        await using var file = sqlite.CreateCommand();
        file.CommandText = "INSERT INTO Files (BodyId, Name, FileName, MimeType, Size, Sha512Checksum, Text, Public, Role, PaperId, Created, Modified, Deleted, Revision, Keyword) VALUES (1, $name, 'anlage.pdf', 'application/pdf', $size, $sha, $text, 1, 'Auxiliary', $paper, $now, $now, 0, 1, '[]')";
        foreach (var name in new[] { "$name", "$size", "$sha", "$text", "$paper", "$now" }) { file.Parameters.Add(new SqliteParameter(name, null)); }
        for (var i = 1; i <= papers; i++)
        {
            var year = 2005 + (i % 20);
            paper.Parameters["$id"].Value = i;
            paper.Parameters["$name"].Value = titles[random.Next(titles.Length)];
            paper.Parameters["$ref"].Value = string.Create(CultureInfo.InvariantCulture, $"{i % 9999 + 1:0000}/{year}");
            paper.Parameters["$date"].Value = new DateOnly(year, 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            paper.Parameters["$kind"].Value = kinds[i % kinds.Count];
            paper.Parameters["$text"].Value = paragraphs[random.Next(paragraphs.Length)];
            paper.Parameters["$now"].Value = now;
            await paper.ExecuteNonQueryAsync();
            for (var f = 0; f < 3; f++)
            {
                var text = FileText();
                textBytes += text.Length;
                file.Parameters["$name"].Value = $"Anlage {f + 1}";
                file.Parameters["$size"].Value = text.Length;
                file.Parameters["$sha"].Value = string.Create(CultureInfo.InvariantCulture, $"{i}-{f}");
                file.Parameters["$text"].Value = text;
                file.Parameters["$paper"].Value = i;
                file.Parameters["$now"].Value = now;
                await file.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {papers} papers, {papers * 3} file texts, {textBytes / 1e6:0} M chars, inserted in {clock.Elapsed.TotalSeconds:0} s"));
}
else
{
    await using var c = new SqliteConnection(connection);
    await c.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = "SELECT sum(length(Text)) FROM Files";
    textBytes = (long)(await cmd.ExecuteScalarAsync())!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {papers} papers, {papers * 3} file texts, {textBytes / 1e6:0} M chars (reused from {dbFile})"));
}

// ---- index build with the app's own code
var indexPath = Path.Combine(work, "search");
// BENCH_REUSE_INDEX=1 keeps the index of an earlier run (to measure queries alone after a query change).
var reuseIndex = Environment.GetEnvironmentVariable("BENCH_REUSE_INDEX") == "1" && Directory.Exists(indexPath);
if (Directory.Exists(indexPath) && !reuseIndex) { Directory.Delete(indexPath, recursive: true); }
using var index = new SearchIndex(indexPath, new GermanAnalysis(GermanAnalysis.LoadWordList("/usr/share/dict/ngerman")));
// Documents in the sense of the target: each paper and each file text.
var documents = papers * 4;
double cpu;
if (reuseIndex)
{
    Console.WriteLine("index: reused from an earlier run (BENCH_REUSE_INDEX=1)");
}
else
{
    // Reading alone first, so the report can tell database time from analysis time.
    clock.Restart();
    cpu = Cpu();
    await using (var db = NewContext())
    {
        var ids = await SearchIndex.AllIdsAsync(db, SearchKinds.Paper, CancellationToken.None);
        for (var start = 0; start < ids.Count; start += 500)
        {
            await SearchDocuments.LoadAsync(db, SearchKinds.Paper, ids.GetRange(start, Math.Min(500, ids.Count - start)), CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read only (EF, SQLite): {clock.Elapsed.TotalSeconds:0.0} s wall, {Cpu() - cpu:0.0} s CPU, load {Load()}"));
    clock.Restart();
    cpu = Cpu();
    await using (var db = NewContext())
    {
        await index.RebuildAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime, null, CancellationToken.None);
    }
    var buildSeconds = clock.Elapsed.TotalSeconds;
    var buildCpu = Cpu() - cpu;
    var size = new DirectoryInfo(indexPath).EnumerateFiles().Sum(f => f.Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index: {buildSeconds:0.0} s wall, {buildCpu:0.0} s CPU, {documents / buildSeconds:0} documents/s (papers and file texts; {papers / buildSeconds:0} papers/s, {textBytes / 1e6 / buildSeconds:0.0} M chars/s), {documents / buildCpu:0} documents per CPU second, {size / 1e6:0} MB in {new DirectoryInfo(indexPath).EnumerateFiles().Count()} files, load {Load()}"));
}

// ---- queries: a mix of 1–3 words including the commonest
string[] queries = ["Stadt", "Gemeinderat", "Digitalisierung", "Gemeinderat Stadt", "Haushalt", "Bebauungsplan", "Kindergarten", "Straße", "Verwaltung Antrag",
    "Feuerwehr", "Schule Sanierung", "Radweg", "Satzung", "Stadt Verwaltung Haushalt", "Klimaschutz", "Beschluss", "Ortsrat", "Sporthalle", "Kosten", "öffentliche Sitzung"];
async Task<List<double>> RunAsync(int clients, int perClient)
{
    var times = new System.Collections.Concurrent.ConcurrentBag<double>();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        await using var db = NewContext();
        var service = new SearchService(index, new SearchRecheck(db));
        for (var i = 0; i < perClient; i++)
        {
            var q = queries[(i + c * 7) % queries.Length];
            var started = Stopwatch.GetTimestamp();
            await service.SearchAsync(new SearchRequest { Query = q, PageSize = 20 }, null, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    })));
    return [.. times.Order()];
}
static string Percentiles(List<double> t) => string.Create(CultureInfo.InvariantCulture, $"p50 {t[t.Count / 2]:0.0} ms, p95 {t[(int)(t.Count * 0.95)]:0.0} ms, n={t.Count}");
// Warm-up long enough for the JIT's tiers (tiered PGO) to settle, as in a server that has run a while.
await RunAsync(8, 50);
// BENCH_PROFILE_SECONDS=N: 8 clients for N seconds before the measured runs, to attach dotnet-stack to.
if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_PROFILE_SECONDS"), out var profileSeconds))
{
    Console.WriteLine($"profiling window: pid {Environment.ProcessId}, {profileSeconds} s");
    var until = Stopwatch.StartNew();
    while (until.Elapsed.TotalSeconds < profileSeconds) { await RunAsync(8, 20); }
}
cpu = Cpu();
Console.WriteLine("lucene, 1 client:  " + Percentiles(await RunAsync(1, 200)) + string.Create(CultureInfo.InvariantCulture, $", {Cpu() - cpu:0.0} s CPU, load {Load()}"));
cpu = Cpu();
Console.WriteLine("lucene, 8 clients: " + Percentiles(await RunAsync(8, 100)) + string.Create(CultureInfo.InvariantCulture, $", {Cpu() - cpu:0.0} s CPU, load {Load()}"));
var lucenePerQuery = new Dictionary<string, double>();
// Where the time goes: one hit (no snippets to speak of, a one-row re-check) against twenty.
async Task<double> CpuPerQueryAsync(int pageSize)
{
    await using var db = NewContext();
    var service = new SearchService(index, new SearchRecheck(db));
    var before = Cpu();
    for (var i = 0; i < 100; i++)
    {
        await service.SearchAsync(new SearchRequest { Query = queries[i % queries.Length], PageSize = pageSize }, null, CancellationToken.None);
    }
    return (Cpu() - before) * 10; // ms per query
}
var cpuOne = await CpuPerQueryAsync(1);
var cpuTwenty = await CpuPerQueryAsync(20);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lucene CPU per query: {cpuOne:0.0} ms with 1 hit a page, {cpuTwenty:0.0} ms with 20 (snippets, stored fields, re-check)"));
// Where a query's CPU goes, stage by stage, one thread, the whole mix five times (public reader).
{
    // Each word must match the combined field; title and paper text add to the score (SearchQueryParser).
    var parsedWithBonus = queries.Select(q => { var parser = new SearchQueryParser(index.Analysis.Query); return (Match: parser.Parse(q), parser.Bonus); }).ToArray();
    var parsed = parsedWithBonus.Select(p => p.Match).ToArray();
    var bonusOf = parsedWithBonus.ToDictionary(p => p.Match, p => p.Bonus);
    var audience = new Lucene.Net.Search.BooleanQuery { { new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(SearchFields.Audience, SearchAudience.Public)), Lucene.Net.Search.Occur.SHOULD } };
    var filter = (CachedFilters.BitSetFilter)CachedFilters.For(new Lucene.Net.Search.BooleanQuery { { audience, Lucene.Net.Search.Occur.MUST } });
    double Stage(Action<Lucene.Net.Search.IndexSearcher, Lucene.Net.Search.Query> stage)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            foreach (var q in parsed) { stage(searcher, q); } // warm
            var before = Cpu();
            for (var round = 0; round < 5; round++) { foreach (var q in parsed) { stage(searcher, q); } }
            return (Cpu() - before) * 1000 / (5 * parsed.Length);
        }
        finally { index.Searchers.Release(searcher); }
    }
    var countOnly = Stage((s, q) => s.Search(q, new Lucene.Net.Search.TotalHitCountCollector()));
    var filtered = Stage((s, q) => s.Search(q, filter, Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false)));
    var collected = Stage((s, q) => s.Search(q, new CachedFilters.Collector(filter, Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false))));
    var withBonus = Stage((s, q) => s.Search(q, new CachedFilters.Collector(filter, bonusOf[q] is { } bonus ? new ScoreBonusCollector(s.CreateNormalizedWeight(bonus), Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false)) : Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false))));
    var withFacets = Stage((s, q) => s.Search(q, new CachedFilters.Collector(filter, Lucene.Net.Search.MultiCollector.Wrap(Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false), new FacetCounter()))));
    var stored = Stage((s, q) =>
    {
        var top = Lucene.Net.Search.TopScoreDocCollector.Create(20, docsScoredInOrder: false);
        s.Search(q, new CachedFilters.Collector(filter, top));
        foreach (var d in top.GetTopDocs().ScoreDocs) { s.Doc(d.Doc); }
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lucene CPU per query by stage: count only {countOnly:0.00} ms; top 20 with the filter given to the scorer {filtered:0.00} ms, with the filter in the collector {collected:0.00} ms, + title bonus {withBonus:0.00} ms; without the bonus + facets {withFacets:0.00} ms; top 20 + stored fields of the 20 {stored:0.00} ms"));
}
foreach (var q in new[] { "Stadt", "Gemeinderat", "Digitalisierung", "Gemeinderat Stadt" })
{
    await using var db = NewContext();
    var service = new SearchService(index, new SearchRecheck(db));
    var single = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var r = await service.SearchAsync(new SearchRequest { Query = q, PageSize = 20 }, null, CancellationToken.None);
        single.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (i == 0) { Console.Write(string.Create(CultureInfo.InvariantCulture, $"lucene \"{q}\": {r.Total} hits, ")); }
    }
    lucenePerQuery[q] = single.Order().ElementAt(single.Count / 2);
    Console.WriteLine(Percentiles([.. single.Order()]));
}

// ---- yardstick: PostgreSQL GIN + ts_rank over the same texts
if (string.IsNullOrEmpty(postgres))
{
    Console.WriteLine("postgres: skipped (no connection string)");
    return;
}
await using (var pg = new NpgsqlConnection(postgres))
{
    await pg.OpenAsync();
    // Texts loaded and indexed by an earlier run for the same corpus are reused (bench_meta says
    // for how many papers), so a query-side change can be measured again without an hour of loading.
    await using (var meta = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_meta (papers bigint); SELECT max(papers) FROM bench_meta", pg))
    {
        if (await meta.ExecuteScalarAsync() is long loaded && loaded == papers)
        {
            Console.WriteLine($"postgres: texts and GIN index of {papers} papers reused from an earlier run");
        }
        else
        {
            await PgLoadAsync();
        }
    }
    async Task PgLoadAsync()
    {
        await using (var drop = new NpgsqlCommand("DROP TABLE IF EXISTS bench_texts; DELETE FROM bench_meta; CREATE TABLE bench_texts (paper bigint, body text)", pg)) { await drop.ExecuteNonQueryAsync(); }
        clock.Restart();
        var serverCpuBefore = ServerCpu();
        await using (var writer = await pg.BeginTextImportAsync("COPY bench_texts (paper, body) FROM STDIN"))
        await using (var sqlite = new SqliteConnection(connection))
        {
            await sqlite.OpenAsync();
            await using var read = sqlite.CreateCommand();
            read.CommandText = "SELECT PaperId, Text FROM Files UNION ALL SELECT Id, Name || ' ' || Text FROM Papers";
            await using var r = await read.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var text = r.GetString(1).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.GetInt64(0)}\t{text}"));
            }
        }
        await using (var gin = new NpgsqlCommand("ALTER TABLE bench_texts ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED; CREATE INDEX ON bench_texts USING gin (tsv); ANALYZE bench_texts", pg) { CommandTimeout = 7200 })
        {
            await gin.ExecuteNonQueryAsync();
        }
        await using (var done = new NpgsqlCommand($"INSERT INTO bench_meta VALUES ({papers})", pg)) { await done.ExecuteNonQueryAsync(); }
        await using var sizeQuery = new NpgsqlCommand("SELECT pg_total_relation_size('bench_texts')", pg);
        var size = await sizeQuery.ExecuteScalarAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"postgres: {papers * 4} texts loaded and GIN-indexed in {clock.Elapsed.TotalSeconds:0} s wall, server {ServerCpu() - serverCpuBefore:0.0} s CPU, table with index {Convert.ToInt64(size, CultureInfo.InvariantCulture) / 1e6:0} MB, load {Load()}"));
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"postgres: server CPU so far {ServerCpu():0.0} s, load {Load()}"));
    // The same query mix, ranked by ts_rank over every match as an application would have to.
    async Task<List<double>> PgRunAsync(int clients, int perClient)
    {
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            await using var conn = new NpgsqlConnection(postgres);
            await conn.OpenAsync();
            for (var i = 0; i < perClient; i++)
            {
                var q = queries[(i + c * 7) % queries.Length];
                times.Add(await PgQueryAsync(conn, q));
            }
        })));
        return [.. times.Order()];
    }
    var serverCpu = ServerCpu();
    cpu = Cpu();
    // At 100,000 papers a common word takes PostgreSQL seconds: one pass of the mix per setting.
    Console.WriteLine("postgres, 1 client:  " + Percentiles(await PgRunAsync(1, queries.Length)) + string.Create(CultureInfo.InvariantCulture, $", server {ServerCpu() - serverCpu:0.0} s CPU, load {Load()}"));
    serverCpu = ServerCpu();
    Console.WriteLine("postgres, 8 clients: " + Percentiles(await PgRunAsync(8, 3)) + string.Create(CultureInfo.InvariantCulture, $", server {ServerCpu() - serverCpu:0.0} s CPU, load {Load()}"));
    foreach (var q in new[] { "Stadt", "Gemeinderat", "Digitalisierung", "Gemeinderat Stadt" })
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            times.Add(await PgQueryAsync(pg, q));
        }
        var median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"postgres \"{q}\": " + Percentiles([.. times.Order()]) + string.Create(CultureInfo.InvariantCulture, $", {median / lucenePerQuery[q]:0} × the Lucene median of the same run"));
    }
}
Console.WriteLine($"done, load {Load()}");

static async Task<double> PgQueryAsync(NpgsqlConnection connection, string q)
{
    var started = Stopwatch.GetTimestamp();
    await using var cmd = new NpgsqlCommand("SELECT paper, ts_rank(tsv, query) AS rank FROM bench_texts, plainto_tsquery('german', $1) query WHERE tsv @@ query ORDER BY rank DESC LIMIT 20", connection) { CommandTimeout = 600 };
    cmd.Parameters.AddWithValue(q);
    await using var r = await cmd.ExecuteReaderAsync();
    while (await r.ReadAsync()) { }
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

// CPU seconds of the PostgreSQL server's processes (postmaster and its children), when its data
// folder is given in OPENRIS_BENCH_PGDATA and readable; otherwise NaN.
static double ServerCpu()
{
    var data = Environment.GetEnvironmentVariable("OPENRIS_BENCH_PGDATA");
    if (data is null || !File.Exists(Path.Combine(data, "postmaster.pid")))
    {
        return double.NaN;
    }
    var postmaster = File.ReadLines(Path.Combine(data, "postmaster.pid")).First().Trim();
    double ticks = 0;
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (Path.GetFileName(dir) == postmaster || fields[1] == postmaster)
            {
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
    return ticks / 100; // USER_HZ
}
