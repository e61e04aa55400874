using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
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
    /// A list page: "{"data":[", the stored objects comma-separated, then <paramref name="tail"/>,
    /// written straight to the response without assembling the page in memory first. Without an
    /// <paramref name="etag"/> from the data version, the ETag is a hash of these bytes.
    /// </summary>
    public static async Task WritePageAsync(HttpContext context, List<byte[]> objects, byte[] tail, string? etag, DateTime lastModified)
    {
        var head = "{\"data\":["u8.ToArray();
        if (etag is null)
        {
            var hash = new XxHash128();
            hash.Append(head);
            for (var i = 0; i < objects.Count; i++)
            {
                hash.Append(i > 0 ? Comma : []);
                hash.Append(objects[i]);
            }
            hash.Append(tail);
            etag = $"W/\"{Convert.ToHexStringLower(hash.GetCurrentHash())}\"";
            if (NotModified(context, etag))
            {
                return;
            }
        }
        else
        {
            context.Response.Headers.ETag = etag;
        }
        Headers(context, lastModified, head.Length + objects.Sum(o => (long)o.Length) + Math.Max(0, objects.Count - 1) + tail.Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        var writer = context.Response.BodyWriter;
        var ct = context.RequestAborted;
        writer.Write(head);
        long unflushed = 0;
        for (var i = 0; i < objects.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Comma);
            }
            writer.Write(objects[i]);
            unflushed += objects[i].Length;
            // Flushing now and then keeps the pipe's buffers small on megabyte pages.
            if (unflushed >= 64 * 1024)
            {
                await writer.FlushAsync(ct);
                unflushed = 0;
            }
        }
        writer.Write(tail);
        await writer.FlushAsync(ct);
    }

    private static ReadOnlySpan<byte> Comma => ","u8;

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

    private static void Headers(HttpContext context, DateTime lastModified, long length)
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
