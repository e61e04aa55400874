using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace OpenRis.Web.OParl;

/// <summary>How OParl answers go out: UTF-8 JSON with ETag and Last-Modified, 304 on a match, the Error object on failure.</summary>
internal static class OParlResponses
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, byte[] body, DateTime lastModified)
    {
        // Weak: the same entity may travel gzip- or brotli-compressed.
        var etag = $"W/\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"";
        if (NotModified(context, etag))
        {
            return;
        }
        Headers(context, lastModified, body.Length);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>
    /// A list page: "{"data":[", the stored objects (<paramref name="objectsLength"/> bytes, written by
    /// <paramref name="writeObjects"/> straight to the response), then <paramref name="tail"/>. The
    /// page is never assembled in memory. Without an <paramref name="etag"/> (no data version) it has none.
    /// </summary>
    /// <returns>The page's length in bytes (its Content-Length).</returns>
    public static async Task<long> WritePageAsync(HttpContext context, long objectsLength, byte[] tail, string? etag, DateTime lastModified, Func<PipeWriter, Task>? writeObjects)
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
        }
        var length = PageHead.Length + objectsLength + tail.Length;
        Headers(context, lastModified, length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return length;
        }
        var writer = context.Response.BodyWriter;
        writer.Write(PageHead);
        if (writeObjects is not null)
        {
            await writeObjects(writer);
        }
        writer.Write(tail);
        await writer.FlushAsync(context.RequestAborted);
        return length;
    }

    /// <summary>What a list page starts with, before its objects.</summary>
    public static ReadOnlySpan<byte> PageHead => "{\"data\":["u8;

    /// <summary>Sets the validators; answers 304 and returns true when the client has this version already.</summary>
    public static bool NotModified(HttpContext context, string etag)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "no-cache";
        if (!Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            return false;
        }
        response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    public static void Headers(HttpContext context, DateTime lastModified, long length)
    {
        var response = context.Response;
        response.Headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-cache";
        response.ContentType = ContentType;
        response.ContentLength = length;
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }
        var bare = etag[2..];
        foreach (var candidate in EntityTagHeaderValue.ParseList(ifNoneMatch))
        {
            if (candidate.Tag == "*" || candidate.Tag.ToString() == bare)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The OParl Error object (OParl 1.1 §2.9), German message for people, debug for developers.</summary>
    public static async Task ErrorAsync(HttpContext context, int status, string message, string? debug = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, OParlJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", OParlUrls.Namespace + "Error");
            writer.WriteString("message", message);
            if (debug is not null)
            {
                writer.WriteString("debug", debug);
            }
            writer.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = stream.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(stream.ToArray(), context.RequestAborted);
        }
    }

    public static Task NotFoundAsync(HttpContext context) =>
        ErrorAsync(context, StatusCodes.Status404NotFound, "Dieses Objekt gibt es nicht.", $"No OParl object at {context.Request.Path}.");
}
