using System.Net;
using System.Text;

namespace OpenRis.Web.Tests.OParl;

/// <summary>How a crawl asks its lists, and how far it looks beyond the JSON.</summary>
public sealed record CrawlOptions
{
    /// <summary>Sent as limit=N on every list; null sends none (the server's default).</summary>
    public int? Limit { get; init; }

    /// <summary>Filters sent on every list, e.g. "modified_since=2024-07-01T10:00:00%2B02:00".</summary>
    public string? Filter { get; init; }

    /// <summary>The server's page size when no limit is sent (links may leave limit out then).</summary>
    public int DefaultLimit { get; init; } = 100;

    /// <summary>Fetch accessUrl and downloadUrl of every file and compare bytes, size and checksum.</summary>
    public bool FileContents { get; init; } = true;

    /// <summary>At most this many files get their contents fetched (a sample, for big crawls).</summary>
    public int MaxFiles { get; init; } = int.MaxValue;

    /// <summary>At most this many distinct web links are fetched (each must be 200 HTML).</summary>
    public int WebLinks { get; init; } = int.MaxValue;

    /// <summary>Walk the lists only (with all page checks), without the cross-checks over objects, links, files and web pages.</summary>
    public bool ListsOnly { get; init; }

    /// <summary>Keep the raw text of every JSON answer (to search it for things that must not be there).</summary>
    public bool KeepBodies { get; init; }

    public bool IncludesTombstones => Filter?.Contains("modified_since=", StringComparison.Ordinal) == true;

    public bool OmitsInternal => Filter?.Contains("omit_internal=true", StringComparison.Ordinal) == true;

    /// <summary>Unfiltered: every object the crawl reaches must be in its list.</summary>
    public bool Complete => string.IsNullOrEmpty(Filter);
}

/// <summary>One HTTP answer as the crawler saw it.</summary>
public sealed record OParlResponse(string Url, HttpStatusCode Status, HttpResponseMessage Message, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
