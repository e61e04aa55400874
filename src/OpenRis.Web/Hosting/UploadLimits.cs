using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OpenRis.Web.OParl;

namespace OpenRis.Web.Hosting;

/// <summary>
/// Marks a page that shows its form again, with everything as typed, when a request to it is larger than the
/// server takes: the page reads <see cref="OversizedUpload"/> and says which file was too large.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReshowsOversizedUploadAttribute : Attribute;

/// <summary>A request over the size limit: its files were read past and left out, its text fields kept.</summary>
public sealed record OversizedUpload(long? RequestBytes, long LimitBytes, IReadOnlyList<OversizedUpload.LeftOutFile> Files)
{
    public sealed record LeftOutFile(string Field, string FileName, long Bytes);

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.GetCultureInfo("de-DE"));

    public string Message => RequestBytes is long bytes
        ? $"Die gesendeten Daten sind mit {Megabytes(bytes)} MB zu groß; erlaubt sind höchstens {Megabytes(LimitBytes)} MB je Sendung."
        : $"Die gesendeten Daten sind zu groß; erlaubt sind höchstens {Megabytes(LimitBytes)} MB je Sendung.";
}

/// <summary>
/// Kestrel refuses a body over its limit (30 MB, or a page's <c>[RequestSizeLimit]</c>) with a bare 413 the
/// browser shows as a broken page. Here every such request gets a clear German answer instead: the OParl
/// error object on API paths, the form shown again on pages marked <see cref="ReshowsOversizedUploadAttribute"/>,
/// the error page elsewhere.
/// </summary>
public static class UploadLimits
{
    // The body is read to its end (and thrown away) so that the client, still sending, gets the answer
    // instead of a reset connection; beyond this much the connection is simply closed after the answer.
    // Signed-in users upload; anonymous clients get less of the server's time.
    private const long ReadPastBytes = 1024L * 1024 * 1024;
    private const long ReadPastAnonymousBytes = 100L * 1024 * 1024;
    // A text field in a re-shown form: far more than any textarea holds.
    private const int FieldChars = 1024 * 1024;

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            // The error page, re-executed for a refused request, sees the same headers again.
            if (context.Features.Get<OversizedUpload>() is not null)
            {
                await next(context);
                return;
            }
            var limit = Limit(context);
            if (limit is long max && context.Request.ContentLength is long length && length > max)
            {
                await RefuseAsync(context, next, new OversizedUpload(length, max, []));
                return;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                // A body without Content-Length (chunked) that grew past the limit while read.
                await AnswerAsync(context, new OversizedUpload(null, limit ?? 0, []));
            }
        });
        return app;
    }

    private static long? Limit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
            ? metadata.MaxRequestBodySize
            : context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;

    private static async Task RefuseAsync(HttpContext context, RequestDelegate next, OversizedUpload tooLarge)
    {
        var request = context.Request;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var readPast = context.User.Identity?.IsAuthenticated == true ? ReadPastBytes : ReadPastAnonymousBytes;
        var readable = tooLarge.RequestBytes <= readPast && sizeFeature is { IsReadOnly: false };
        if (readable)
        {
            sizeFeature!.MaxRequestBodySize = readPast;
        }
        if (readable && !IsApi(request.Path) && context.GetEndpoint()?.Metadata.GetMetadata<ReshowsOversizedUploadAttribute>() is not null
            && MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary)
        {
            FormCollection form;
            List<OversizedUpload.LeftOutFile> files;
            try
            {
                (form, files) = await ReadFieldsAsync(request.Body, boundary.Value!, context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // Not valid multipart (or no boundary till the end): the plain answer, the connection closed after it.
                context.Response.Headers.Connection = "close";
                await AnswerAsync(context, tooLarge);
                return;
            }
            context.Features.Set<IFormFeature>(new FormFeature(form));
            context.Features.Set(tooLarge with { Files = files });
            await next(context);
            return;
        }
        if (readable)
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        else
        {
            context.Response.Headers.Connection = "close";
        }
        await AnswerAsync(context, tooLarge);
    }

    private static async Task AnswerAsync(HttpContext context, OversizedUpload tooLarge)
    {
        if (IsApi(context.Request.Path))
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, tooLarge.Message,
                $"Request body over {tooLarge.LimitBytes} bytes.");
            return;
        }
        // The error page (re-executed by the status code pages) says it in German.
        context.Features.Set(tooLarge);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/oparl") || path.StartsWithSegments("/api");

    /// <summary>The text fields of a multipart body; files are read past, only their names and sizes kept.</summary>
    private static async Task<(FormCollection Form, List<OversizedUpload.LeftOutFile> Files)> ReadFieldsAsync(Stream body, string boundary, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var files = new List<OversizedUpload.LeftOutFile>();
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // (IsFormDisposition() would be false for files: it means "a form field that is no file".)
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                var counter = new CountingStream();
                await section.Body.CopyToAsync(counter, cancellationToken);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                if (fileName.Length > 0)
                {
                    files.Add(new(name, Path.GetFileName(fileName), counter.Length));
                }
                continue;
            }
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            var buffer = new char[FieldChars];
            var read = await text.ReadBlockAsync(buffer, cancellationToken);
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            fields[name] = StringValues.Concat(fields.TryGetValue(name, out var existing) ? existing : StringValues.Empty, new string(buffer, 0, read));
        }
        return (new FormCollection(fields), files);
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        public override long Length => Position;
        public override long Position { get; set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
