using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using OpenRis.Web.Data;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Feeds;

/// <summary>
/// Calendar apps, feed readers and crawlers poll the feeds and the sitemap far more often than public data
/// changes, and at 100,000 papers the full calendar is megabytes. Every change of public data changes some
/// stored OParl document and so raises <see cref="OParlProjectionState.DataVersion"/> in the same
/// transaction: a feed rendered at one version is the feed of every later request at that version. So a
/// rendered feed is kept per URL and version, and the version is its ETag (304 for an unchanged feed).
/// A feed is never served from before a change: the version is read before the rows.
/// </summary>
internal sealed class FeedCache : IDisposable
{
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = 64 << 20 });

    private sealed record Entry(long Version, byte[] Body);

    /// <param name="render">The feed's text, or null for 404; called only when no copy of this version is kept.</param>
    public async Task<IResult> ServeAsync(RisDbContext db, HttpContext http, string contentType, Func<Task<string?>> render, CancellationToken cancellationToken)
    {
        var version = await db.Set<OParlProjectionState>().AsNoTracking().OrderBy(s => s.Id).Select(s => (long?)s.DataVersion).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            // No projection yet (a database never started as a host): no version to vouch for the copy.
            return await render() is { } uncached ? TypedResults.Text(uncached, contentType) : TypedResults.NotFound();
        }
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}";
        var etag = new EntityTagHeaderValue($"\"{version.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 8))}\"");
        var headers = http.Response.GetTypedHeaders();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            headers.ETag = etag;
            headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        if (!_rendered.TryGetValue(url, out Entry? entry) || entry!.Version != version.Value)
        {
            var text = await render();
            if (text is null)
            {
                return TypedResults.NotFound();
            }
            entry = new Entry(version.Value, Encoding.UTF8.GetBytes(text));
            _rendered.Set(url, entry, new MemoryCacheEntryOptions { Size = entry.Body.Length });
        }
        headers.ETag = etag;
        // Caches may keep it but must ask again each time: the next change is not known in advance.
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return TypedResults.Bytes(entry.Body, contentType);
    }

    public void Dispose() => _rendered.Dispose();
}
