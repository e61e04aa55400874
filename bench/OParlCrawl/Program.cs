using System.Diagnostics;
using System.Globalization;
using System.Text;
using OParlCrawl;

Options options;
try
{
    if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
    {
        Console.WriteLine(Options.Usage);
        return args.Length == 0 ? 2 : 0;
    }
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or UriFormatException)
{
    await Console.Error.WriteLineAsync($"OParlCrawl: {e.Message}\n\n{Options.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var client = new PageClient(options.Clients, options.Connect);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
try
{
    var (stats, seconds, extra) = options.Mode switch
    {
        "concurrent" => await RunConcurrentAsync(),
        _ => await RunSequentialAsync(),
    };
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    Report(stats, seconds, cpu, extra);
    return stats.Failed == 0 ? 0 : 1;
}
catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or System.Text.Json.JsonException or KeyNotFoundException)
{
    await Console.Error.WriteLineAsync($"OParlCrawl: {e.GetType().Name}: {e.Message}");
    return 1;
}

async Task<(CrawlStats, double, string)> RunSequentialAsync()
{
    var stats = new CrawlStats();
    using var save = options.Mode == "sequential" && options.SaveDirectory is { } dir ? PageStore.ForWriting(dir) : null;
    var cache = options.Mode == "revalidate" ? PageStore.ForReading(options.SaveDirectory!) : null;
    var crawler = new Crawler(options, client, stats)
    {
        Save = save,
        Cache = cache,
        Etags = cache?.ReadEtags(),
    };
    var clock = Stopwatch.StartNew();
    await crawler.CrawlAsync(cancel.Token);
    clock.Stop();
    var saveSeconds = save is null ? 0 : (double)save.Ticks / Stopwatch.Frequency;
    // Writing the copy is the benchmark's business, not the server's: it is not counted.
    return (stats, clock.Elapsed.TotalSeconds - saveSeconds, saveSeconds > 0 ? F($" save_seconds={saveSeconds:0.000}") : "");
}

async Task<(CrawlStats, double, string)> RunConcurrentAsync()
{
    // Saving here is for building a static copy of a page list (one client, so one writer).
    using var save = options.SaveDirectory is { } dir ? PageStore.ForWriting(dir) : null;
    var (stats, seconds, rounds) = await ConcurrentRun.RunAsync(options, client, save, cancel.Token);
    var saveSeconds = save is null ? 0 : (double)save.Ticks / Stopwatch.Frequency;
    return (stats, seconds - saveSeconds, F($" rounds={rounds}") + (saveSeconds > 0 ? F($" save_seconds={saveSeconds:0.000}") : ""));
}

void Report(CrawlStats stats, double seconds, double cpu, string extra)
{
    var ms = 1000.0 / Stopwatch.Frequency;
    var line = new StringBuilder();
    line.Append(F($"RESULT mode={options.Mode} label={(options.Label.Length > 0 ? options.Label : "-")} limit={options.Limit}"));
    if (options.Mode == "concurrent")
    {
        line.Append(F($" clients={options.Clients}"));
    }
    line.Append(F($" lists={stats.Lists} requests={stats.Requests} pages={stats.Pages} objects={stats.Objects} bytes={stats.Bytes}"));
    line.Append(F($" seconds={seconds:0.000} objects_per_s={stats.Objects / seconds:0} requests_per_s={stats.Requests / seconds:0.0} mb_per_s={stats.Bytes / seconds / 1e6:0.0}"));
    line.Append(F($" mean_ms={(stats.Requests == 0 ? 0 : stats.RequestTicks * ms / stats.Requests):0.00} scan_seconds={(double)stats.ScanTicks / Stopwatch.Frequency:0.000} crawler_cpu_seconds={cpu:0.00}"));
    line.Append(F($" ok={stats.Ok} not_modified={stats.NotModified} changed_etags={stats.ChangedEtags} failed={stats.Failed} count_mismatches={stats.CountMismatches}"));
    if (stats.Latencies.Count > 0)
    {
        stats.Latencies.Sort();
        double P(double p) => stats.Latencies[Math.Clamp((int)Math.Ceiling(p * stats.Latencies.Count) - 1, 0, stats.Latencies.Count - 1)] * ms;
        line.Append(F($" p50_ms={P(0.50):0.00} p90_ms={P(0.90):0.00} p99_ms={P(0.99):0.00} max_ms={stats.Latencies[^1] * ms:0.00}"));
    }
    line.Append(extra);

    Console.WriteLine(F($"{options.Mode} {options.Label} limit={options.Limit} from {options.SystemUrl}"));
    Console.WriteLine(F($"  {stats.Lists} lists, {stats.Requests} requests, {stats.Pages} pages, {stats.Objects:N0} objects, {stats.Bytes / 1e6:N1} MB in {seconds:0.00} s"));
    Console.WriteLine(F($"  {stats.Objects / seconds:N0} objects/s, {stats.Requests / seconds:N1} requests/s, {stats.Bytes / seconds / 1e6:N1} MB/s; crawler CPU {cpu:0.0} s"));
    if (options.Mode == "revalidate")
    {
        Console.WriteLine(F($"  304 Not Modified: {stats.NotModified}, 200 OK: {stats.Ok} ({stats.ChangedEtags} with another ETag), failed: {stats.Failed}"));
    }
    if (stats.Kinds.Count > 0)
    {
        Console.WriteLine("  per kind of list: lists, pages, objects, MB, request time (sum), mean and max page ms");
        foreach (var (name, kind) in stats.Kinds.OrderByDescending(k => k.Value.Ticks))
        {
            Console.WriteLine(F($"    {name,-26} {kind.Lists,5} {kind.Pages,7} {kind.Objects,9} {kind.Bytes / 1e6,9:0.0} {kind.Ticks * ms / 1000,8:0.00} s {(kind.Pages == 0 ? 0 : kind.Ticks * ms / kind.Pages),8:0.0} {kind.MaxTicks * ms,8:0.0}"));
        }
    }
    foreach (var error in stats.Errors.Take(10))
    {
        Console.WriteLine($"  error: {error}");
    }
    Console.WriteLine(line.ToString());
}

static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
