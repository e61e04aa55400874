using System.Diagnostics;
using System.Net;

namespace OParlCrawl;

/// <summary>A growable byte buffer owned by one client: pages are read into it without per-page allocations.</summary>
internal sealed class PageBuffer
{
    private byte[] _data = new byte[1 << 20];

    public int Length { get; set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

    public Memory<byte> Free => _data.AsMemory(Length);

    public void EnsureCapacity(long capacity)
    {
        if (capacity > _data.Length)
        {
            Array.Resize(ref _data, (int)Math.Max(capacity, _data.Length * 2L));
        }
    }

    public void Load(string path)
    {
        using var file = File.OpenRead(path);
        EnsureCapacity(file.Length);
        Length = 0;
        int read;
        while ((read = file.Read(_data, Length, _data.Length - Length)) > 0)
        {
            Length += read;
            EnsureCapacity(Length + 1);
        }
    }
}

/// <summary>The answer to one GET: status, body length (in the buffer), time to last byte, ETag.</summary>
internal readonly record struct Fetched(HttpStatusCode Status, int Length, long Ticks, string? ETag);

/// <summary>
/// HTTP/1.1 over a pooled SocketsHttpHandler: no compression asked for or accepted, no redirects
/// followed (a redirect means a wrong host: the crawl must notice), no cookies, no proxy.
/// </summary>
internal sealed class PageClient : IDisposable
{
    private readonly HttpClient _client;

    public PageClient(int connections, DnsEndPoint? connect = null)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
        };
        if (connect is not null)
        {
            // Every connection goes to this one server; the request keeps its URL's Host header.
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(connect, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("OpenRIS-bench-OParlCrawl/1.0");
    }

    public async Task<Fetched> GetAsync(Uri url, string? ifNoneMatch, PageBuffer buffer, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        buffer.Length = 0;
        if (response.Content.Headers.ContentLength is long expected)
        {
            buffer.EnsureCapacity(expected + 1);
        }
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            while (true)
            {
                buffer.EnsureCapacity(buffer.Length + 1);
                var read = await stream.ReadAsync(buffer.Free, cancellationToken);
                if (read == 0)
                {
                    break;
                }
                buffer.Length += read;
            }
        }
        var ticks = Stopwatch.GetTimestamp() - start;
        var etag = response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;
        return new Fetched(response.StatusCode, buffer.Length, ticks, etag);
    }

    public void Dispose() => _client.Dispose();
}
