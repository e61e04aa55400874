using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;

namespace OpenRis.Web.Tests;

/// <summary>
/// Walks every public channel of one running OpenRIS as one client would: HTML pages and their links,
/// XML (sitemap, Atom) and JSON (OParl, search API) with every URL they name, iCal, files, PDFs and
/// zips (their text read back), following redirects on the same host. Each body is handed to
/// <see cref="Visit"/> as the text a reader could get out of it.
/// </summary>
internal sealed partial class PublicChannelCrawler(HttpClient client, int maxUrls = 4000, int maxVariantsPerPath = 25)
{
    private static readonly HtmlParser Parser = new();
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _variants = new(StringComparer.Ordinal);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Called with every URL fetched, its status and the readable text of its body.</summary>
    public required Action<string, HttpStatusCode, string> Visit { get; init; }

    /// <summary>Paths never followed: the workspace is no public channel, and signing out would end the crawl's session.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = ["/arbeitsbereich", "/abmelden"];

    public int Fetched { get; private set; }

    public void Add(string url)
    {
        var local = Local(url);
        if (local is null || Excluded.Any(e => local.StartsWith(e, StringComparison.Ordinal)) || !_seen.Add(local))
        {
            return;
        }
        // Endless series (calendar months, pages of a list) are sampled, not walked to the end of time.
        var path = local.Split('?')[0];
        var count = _variants.GetValueOrDefault(path);
        if (count >= maxVariantsPerPath)
        {
            return;
        }
        _variants[path] = count + 1;
        _queue.Enqueue(local);
    }

    public async Task RunAsync()
    {
        while (_queue.TryDequeue(out var url) && Fetched < maxUrls)
        {
            Fetched++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                Add(location.IsAbsoluteUri ? location.ToString() : new Uri(new Uri("http://localhost"), location).ToString());
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(Token);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var text = Readable(type, bytes);
            Visit(url, response.StatusCode, text);
            foreach (var link in Links(type, text))
            {
                Add(link);
            }
        }
    }

    /// <summary>The same-host path and query of a link, or null for another host, a fragment, mailto and the like.</summary>
    private static string? Local(string url)
    {
        url = WebUtility.HtmlDecode(url.Trim());
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url.Split('#')[0];
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Host == "localhost" && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute.PathAndQuery;
        }
        return null;
    }

    private static string Readable(string type, byte[] bytes)
    {
        if (type == "application/pdf" || bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return PdfText(bytes);
        }
        if (type is "application/zip" or "application/x-zip-compressed")
        {
            var text = new StringBuilder();
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                text.AppendLine(entry.FullName).AppendLine(Readable("", copy.ToArray()));
            }
            return text.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
        }
        if (pdf.TryGetBookmarks(out var bookmarks))
        {
            foreach (var bookmark in bookmarks.GetNodes())
            {
                text.AppendLine(bookmark.Title);
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string> Links(string type, string text)
    {
        if (type == "text/html")
        {
            var document = Parser.ParseDocument(text);
            foreach (var element in document.QuerySelectorAll("a[href], link[href]"))
            {
                yield return element.GetAttribute("href")!;
            }
            // GET forms (search, filters) are submitted once as they stand.
            foreach (var form in document.Forms.Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                yield return form.GetAttribute("action") is { Length: > 0 } action ? action : "";
            }
        }
        else if (type.Contains("json", StringComparison.Ordinal))
        {
            foreach (var url in JsonStrings(text).Where(s => s.StartsWith("http", StringComparison.Ordinal)))
            {
                yield return url;
            }
        }
        else if (type.Contains("xml", StringComparison.Ordinal))
        {
            foreach (Match match in XmlUrl().Matches(text))
            {
                yield return match.Groups["url"].Value;
            }
        }
    }

    private static IEnumerable<string> JsonStrings(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            yield break;
        }
        using (document)
        {
            var stack = new Stack<JsonElement>([document.RootElement]);
            while (stack.TryPop(out var element))
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            stack.Push(property.Value);
                        }
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            stack.Push(item);
                        }
                        break;
                    case JsonValueKind.String:
                        yield return element.GetString()!;
                        break;
                }
            }
        }
    }

    [GeneratedRegex("""(?:href="(?<url>[^"]+)")|(?:<loc>(?<url>[^<]+)</loc>)""")]
    private static partial Regex XmlUrl();
}
