using System.Diagnostics;
using System.Text;

namespace OParlCrawl;

/// <summary>
/// Saved pages for the static-file yardstick and for revalidation. A page fetched as
/// <c>/oparl/v1.1/body/1/paper?after=7&amp;limit=1000</c> is stored as
/// <c>DIR/oparl/v1.1/body/1/paper/_q_after=7&amp;limit=1000.json</c>: nginx finds it with
/// <c>try_files $uri/_q_$args.json</c> (a path can be both a page and the parent of other pages,
/// so the query goes into a file inside a directory named after the path).
/// DIR/etags.tsv holds "path?query TAB etag" per page, DIR/pages.txt every list page URL in crawl order.
/// </summary>
internal sealed class PageStore : IDisposable
{
    public const string EtagFile = "etags.tsv";
    public const string PagesFile = "pages.txt";

    private readonly string _root;
    private readonly StreamWriter? _etags;
    private readonly StreamWriter? _pages;

    private PageStore(string root, bool writing)
    {
        _root = root;
        if (writing)
        {
            Directory.CreateDirectory(root);
            _etags = new StreamWriter(Path.Combine(root, EtagFile), append: false, new UTF8Encoding(false));
            _pages = new StreamWriter(Path.Combine(root, PagesFile), append: false, new UTF8Encoding(false));
        }
    }

    /// <summary>Time spent writing files: not part of the crawl's timing.</summary>
    public long Ticks { get; private set; }

    public static PageStore ForWriting(string root) => new(root, writing: true);

    public static PageStore ForReading(string root) => new(root, writing: false);

    /// <summary>The request target nginx sees: path and raw query of the URL as it appears in the documents.</summary>
    public static string Key(Uri url) => url.PathAndQuery;

    public string PathFor(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        var query = url.Query.StartsWith('?') ? url.Query[1..] : url.Query;
        if (path.Contains("..", StringComparison.Ordinal) || query.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot store {url} as a file.");
        }
        return _root + path + "/_q_" + query + ".json";
    }

    public void Save(Uri url, ReadOnlySpan<byte> body, string? etag, bool listPage)
    {
        var start = Stopwatch.GetTimestamp();
        var path = PathFor(url);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, body);
        if (etag is not null)
        {
            _etags!.Write(Key(url));
            _etags.Write('\t');
            _etags.WriteLine(etag);
        }
        if (listPage)
        {
            _pages!.WriteLine(url.AbsoluteUri);
        }
        Ticks += Stopwatch.GetTimestamp() - start;
    }

    public Dictionary<string, string> ReadEtags()
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(_root, EtagFile)))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                etags[line[..tab]] = line[(tab + 1)..];
            }
        }
        return etags;
    }

    public void Dispose()
    {
        _etags?.Dispose();
        _pages?.Dispose();
    }
}
