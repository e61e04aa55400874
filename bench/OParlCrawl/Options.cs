using System.Globalization;

namespace OParlCrawl;

/// <summary>Command line of the crawler; see <see cref="Usage"/>.</summary>
internal sealed class Options
{
    public const string Usage = """
        OParlCrawl: crawls every list of an OParl 1.1 server (bench/oparl-crawl.sh drives it).

          OParlCrawl sequential [--url SYSTEM] [--limit 1000] [--save DIR] [--rewrite FROM=TO]
              One client follows links.next through every list of every body and both lists of
              every organization. --save DIR writes each page under DIR so that nginx can serve the
              same bytes for the same URL (DIR/<path>/_q_<query>.json), plus DIR/etags.tsv and
              DIR/pages.txt (every list page URL in crawl order).
          OParlCrawl concurrent [--url SYSTEM] [--clients 16] [--limit 100] [--pages FILE]
                                [--warmup-seconds 3] [--min-seconds 0] [--max-rounds 1] [--rewrite FROM=TO]
                                [--save DIR]
              N clients. With --pages (a file of page URLs, e.g. a pages.txt from a saving crawl)
              the clients share out that list of pages, each page once per round; without it they
              share out the lists and follow links.next. Reports per-page latency percentiles and
              requests/s. --save (with --pages, --clients 1) stores the pages like sequential --save.
          OParlCrawl revalidate [--url SYSTEM] [--limit 1000] --save DIR [--rewrite FROM=TO]
              Crawls again with If-None-Match from DIR/etags.tsv; a 304 continues from the saved copy.
              Reports how many answers were 304 and how many 200.

          --url      the System object, default http://127.0.0.1:5080/oparl/v1.1/system
          --rewrite  prefix mapping applied to every followed URL (repeatable), e.g.
                     --rewrite http://127.0.0.1:5080=http://127.0.0.1:5081 to crawl a static copy
          --connect  HOST:PORT to open every connection to, whatever host the URLs name: the URLs
                     (and the Host header) stay those of the stored OParl base URL, e.g.
                     --url http://localhost:5000/oparl/v1.1/system --connect 127.0.0.1:5103
          --label    a name printed in the RESULT line
          --scan     fast (default: tail parsed, objects counted by their "type" member, sums
                     checked against totalElements per list) or full (walks the whole JSON, ~1 GB/s)
        Output: a human summary, then one line "RESULT key=value …" for scripts.
        Exit code 0, or 1 when any request failed (status other than 200/304).
        """;

    public string Mode { get; private set; } = "";
    public Uri SystemUrl { get; private set; } = new("http://127.0.0.1:5080/oparl/v1.1/system");
    public int Limit { get; private set; }
    public int Clients { get; private set; } = 16;
    public string? SaveDirectory { get; private set; }
    public string? PagesFile { get; private set; }
    public double WarmupSeconds { get; private set; } = 3;
    public double MinSeconds { get; private set; }
    public int MaxRounds { get; private set; } = 1;
    public string Label { get; private set; } = "";
    public bool FullScan { get; private set; }
    public List<(string From, string To)> Rewrites { get; } = [];
    public System.Net.DnsEndPoint? Connect { get; private set; }

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("sequential" or "concurrent" or "revalidate"))
        {
            throw new ArgumentException("The first argument is the mode: sequential, concurrent or revalidate.");
        }
        var options = new Options { Mode = args[0] };
        options.Limit = options.Mode == "concurrent" ? 100 : 1000;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--url":
                    options.SystemUrl = new Uri(value, UriKind.Absolute);
                    break;
                case "--limit":
                    options.Limit = Int(name, value, 1, 1000);
                    break;
                case "--clients":
                    options.Clients = Int(name, value, 1, 1024);
                    break;
                case "--save":
                    options.SaveDirectory = Path.GetFullPath(value);
                    break;
                case "--pages":
                    options.PagesFile = Path.GetFullPath(value);
                    break;
                case "--warmup-seconds":
                    options.WarmupSeconds = Seconds(name, value);
                    break;
                case "--min-seconds":
                    options.MinSeconds = Seconds(name, value);
                    break;
                case "--max-rounds":
                    options.MaxRounds = Int(name, value, 1, 1000);
                    break;
                case "--scan":
                    options.FullScan = value switch
                    {
                        "full" => true,
                        "fast" => false,
                        _ => throw new ArgumentException("--scan expects fast or full."),
                    };
                    break;
                case "--connect":
                    var colon = value.LastIndexOf(':');
                    options.Connect = colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                        ? new System.Net.DnsEndPoint(value[..colon], port)
                        : throw new ArgumentException("--connect expects HOST:PORT.");
                    break;
                case "--label":
                    options.Label = value;
                    break;
                case "--rewrite":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0 || eq == value.Length - 1)
                    {
                        throw new ArgumentException("--rewrite expects FROM=TO.");
                    }
                    options.Rewrites.Add((value[..eq], value[(eq + 1)..]));
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }
        if (options.Mode == "concurrent" && options.SaveDirectory is not null && (options.Clients != 1 || options.PagesFile is null || options.MaxRounds != 1))
        {
            throw new ArgumentException("concurrent --save needs --pages FILE, --clients 1 and --max-rounds 1.");
        }
        if (options.Mode == "revalidate" && options.SaveDirectory is null)
        {
            throw new ArgumentException("revalidate needs --save DIR from an earlier sequential --save crawl.");
        }
        return options;
    }

    /// <summary>A URL as found in a document, mapped by the first matching --rewrite.</summary>
    public Uri Map(string url)
    {
        foreach (var (from, to) in Rewrites)
        {
            if (url.StartsWith(from, StringComparison.Ordinal))
            {
                return new Uri(to + url[from.Length..], UriKind.Absolute);
            }
        }
        return new Uri(url, UriKind.Absolute);
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} expects a whole number from {min} to {max}.");

    private static double Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s <= 86400
            ? s
            : throw new ArgumentException($"{name} expects seconds.");
}
