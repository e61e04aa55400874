using System.Collections.Concurrent;
using System.Diagnostics;

namespace OParlCrawl;

/// <summary>
/// N clients at once. With a page list every page is fetched once per round by whichever client is
/// free (the same pages, so the same bytes, for OpenRIS and for the static copy); without one the
/// clients share out the lists and follow links.next, which loses concurrency at the end when only
/// the longest lists remain.
/// </summary>
internal static class ConcurrentRun
{
    public static async Task<(CrawlStats Stats, double Seconds, long Rounds)> RunAsync(Options options, PageClient client, PageStore? save, CancellationToken cancellationToken)
    {
        if (options.PagesFile is { } file)
        {
            var pages = File.ReadLines(file).Where(l => l.Length > 0).ToArray();
            if (pages.Length == 0)
            {
                throw new InvalidOperationException($"{file} lists no pages.");
            }
            if (options.WarmupSeconds > 0)
            {
                await PagesAsync(options, client, pages, options.WarmupSeconds, 0, 1_000_000, cancellationToken);
            }
            return await PagesAsync(options, client, pages, 0, options.MinSeconds, options.MaxRounds, cancellationToken, save);
        }

        var discovery = new Crawler(options, client, new CrawlStats());
        var lists = await discovery.DiscoverAsync(crawlLists: false, cancellationToken)
            ?? throw new InvalidOperationException("Discovery failed: System, the body list or an organization list could not be read.");
        if (options.WarmupSeconds > 0)
        {
            await ListsAsync(options, client, lists, options.WarmupSeconds, cancellationToken);
        }
        var (stats, seconds) = await ListsAsync(options, client, lists, 0, cancellationToken);
        return (stats, seconds, 1);
    }

    /// <summary>
    /// Clients take pages from one counter. Stops at the first of: stopAfterSeconds (when above 0),
    /// maxRounds rounds, or — once minSeconds have passed — the end of a round.
    /// </summary>
    private static async Task<(CrawlStats, double, long)> PagesAsync(Options options, PageClient client, string[] pages,
        double stopAfterSeconds, double minSeconds, int maxRounds, CancellationToken cancellationToken, PageStore? save = null)
    {
        long next = -1;
        var clock = Stopwatch.StartNew();
        var total = (long)pages.Length * maxRounds;
        var recording = stopAfterSeconds == 0;

        async Task<CrawlStats> Client()
        {
            var stats = new CrawlStats();
            var crawler = new Crawler(options, client, stats) { RecordLatencies = recording, Save = save };
            while (true)
            {
                if (stopAfterSeconds > 0 && clock.Elapsed.TotalSeconds >= stopAfterSeconds)
                {
                    break;
                }
                var index = Interlocked.Increment(ref next);
                if (index >= total || (index >= pages.Length && index % pages.Length == 0 && clock.Elapsed.TotalSeconds >= minSeconds))
                {
                    // Tell the other clients that the run is over at this round boundary.
                    Interlocked.Exchange(ref next, total);
                    break;
                }
                if (!await crawler.FetchAsync(pages[index % pages.Length], listPage: true, cancellationToken))
                {
                    continue;
                }
                crawler.ScanPage();
            }
            return stats;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(Client, cancellationToken)));
        clock.Stop();
        var all = new CrawlStats();
        foreach (var result in results)
        {
            all.Add(result);
        }
        var rounds = Math.Max(1, (all.Requests + pages.Length - 1) / pages.Length);
        return (all, clock.Elapsed.TotalSeconds, rounds);
    }

    private static async Task<(CrawlStats, double)> ListsAsync(Options options, PageClient client, List<string> lists,
        double stopAfterSeconds, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<string>(lists);
        var clock = Stopwatch.StartNew();
        var recording = stopAfterSeconds == 0;
        bool Stop() => stopAfterSeconds > 0 && clock.Elapsed.TotalSeconds >= stopAfterSeconds;

        async Task<CrawlStats> Client()
        {
            var stats = new CrawlStats();
            var crawler = new Crawler(options, client, stats) { RecordLatencies = recording };
            while (!Stop() && queue.TryDequeue(out var list))
            {
                await crawler.CrawlListAsync(list, null, cancellationToken, Stop);
            }
            return stats;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(Client, cancellationToken)));
        clock.Stop();
        var all = new CrawlStats();
        foreach (var result in results)
        {
            all.Add(result);
        }
        return (all, clock.Elapsed.TotalSeconds);
    }
}
