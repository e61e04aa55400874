using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Hosting;
using OpenRis.Web.Pages;

namespace OpenRis.Web.OParl;

/// <summary>The OParl 1.1 API under /oparl/v1.1: System, Bodies, the ten Body lists, the two Organization lists, every object, file contents.</summary>
public static partial class OParlEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IHostApplicationBuilder AddOParl(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OParlOptions.Section).Get<OParlOptions>() ?? new OParlOptions();
        options.BaseUrl = options.BaseUrl.TrimEnd('/');
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OParlProjection>();
        builder.Services.AddSingleton<OParlListCache>();
        builder.Services.AddSingleton<OParlStore>();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/json");
        });
        // Crawlers fetch megabytes of JSON: the fastest levels keep compression cheaper than the bytes it saves.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// A short pipeline for /oparl: compression and security headers (added before this) and then
    /// the endpoint. The portal's middleware (error pages, localization, static files, sign-in,
    /// rate limiting) has nothing to do for an anonymous JSON API and cost a measurable share of a
    /// small page's CPU. Routing has already chosen the endpoint (WebApplication routes first).
    /// </summary>
    public static WebApplication UseOParl(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<OParlOptions>();
        var canonical = new Uri(options.BaseUrl);
        app.MapWhen(context => context.Request.Path.StartsWithSegments("/oparl"), oparl => oparl.UseServerTiming().Use((context, next) =>
        {
            // OParl 1.1 §2.6: every JSON answer, errors included, may be read by any web page.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return next(context);
        })
        // This branch skips the portal's pipeline, so it refuses oversized bodies itself (the OParl
        // error object, not Kestrel's bare 413 and a reset connection).
        .UseUploadLimits().Run(async context =>
        {
            // One canonical scheme and host (OParl 1.1 §2.3): ids are URLs and must not come in several spellings.
            if (!string.Equals(context.Request.Scheme, canonical.Scheme, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(context.Request.Host.Value, canonical.Authority, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = options.BaseUrl + context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                return;
            }
            try
            {
                // "/oparl/{**rest}" catches every path; a wrong method gets routing's 405 endpoint.
                if (context.GetEndpoint()?.RequestDelegate is { } endpoint)
                {
                    await endpoint(context);
                }
                else
                {
                    await OParlResponses.NotFoundAsync(context);
                }
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                LogFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenRis.OParl"), e, context.Request.Path);
                // The security headers stay; what described the failed answer goes.
                context.Response.Headers.ETag = default;
                context.Response.Headers.LastModified = default;
                await OParlResponses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "Ein interner Fehler ist aufgetreten.");
            }
        }));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "OParl request {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, PathString path);

    public static WebApplication MapOParl(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<OParlOptions>();
        var api = app.MapGroup(OParlUrls.Path);
        var urls = new OParlUrls(options.BaseUrl);
        api.MapMethods("", GetAndHead, (HttpContext context) => Results.Redirect(urls.System, permanent: true));
        api.MapMethods("/system", GetAndHead, (HttpContext context) =>
            Redirected(context, urls.System) ? Task.CompletedTask : ObjectAsync(context, OParlTypes.System, null));
        api.MapMethods("/body", GetAndHead, (HttpContext context) =>
            Redirected(context, urls.Bodies) ? Task.CompletedTask : OParlLists.WriteAsync(context, OParlListSource.Bodies, urls.Bodies, options));
        api.MapMethods("/body/{id:long}/{list}", GetAndHead, BodyListAsync);
        api.MapMethods("/organization/{id:long}/{list}", GetAndHead, OrganizationListAsync);
        api.MapMethods("/file/{id:long}/access", GetAndHead, (HttpContext context, long id, RisDbContext db, Files.FileStore store) =>
            Redirected(context, urls.FileAccess(id)) ? Task.CompletedTask : OParlFiles.SendAsync(context, id, db, store, download: false));
        api.MapMethods("/file/{id:long}/download", GetAndHead, (HttpContext context, long id, RisDbContext db, Files.FileStore store) =>
            Redirected(context, urls.FileDownload(id)) ? Task.CompletedTask : OParlFiles.SendAsync(context, id, db, store, download: true));
        api.MapMethods("/{type}/{id:long}", GetAndHead, (HttpContext context, string type, long id) =>
            type is OParlTypes.System || !OParlTypes.All.Contains(type)
                ? OParlResponses.NotFoundAsync(context)
                : Redirected(context, urls.Of(type, id)) ? Task.CompletedTask : ObjectAsync(context, type, id));
        app.Map("/oparl/{**rest}", OParlResponses.NotFoundAsync);
        return app;

        Task BodyListAsync(HttpContext context, long id, string list)
        {
            var type = OParlTypes.BodyLists.FirstOrDefault(l => l.List == list).Type;
            if (type is null)
            {
                return OParlResponses.NotFoundAsync(context);
            }
            return Redirected(context, urls.BodyList(id, list)) ? Task.CompletedTask
                : OParlLists.WriteAsync(context, OParlListSource.OfBody(type, id), urls.BodyList(id, list), options, (OParlTypes.Body, id));
        }

        Task OrganizationListAsync(HttpContext context, long id, string list)
        {
            if (list is not ("meeting" or "consultation"))
            {
                return OParlResponses.NotFoundAsync(context);
            }
            return Redirected(context, urls.OrganizationList(id, list)) ? Task.CompletedTask
                : OParlLists.WriteAsync(context, OParlListSource.OfOrganization(list, id), urls.OrganizationList(id, list), options, (OParlTypes.Organization, id));
        }
    }

    /// <summary>
    /// One spelling per URL (OParl 1.1 §2.3): leading zeros, another case, a trailing slash are
    /// answered with a 301 to the canonical URL. Routing itself is lenient about all three.
    /// </summary>
    private static bool Redirected(HttpContext context, string canonicalUrl)
    {
        var path = new Uri(canonicalUrl).AbsolutePath;
        if (string.Equals(context.Request.PathBase + context.Request.Path, path, StringComparison.Ordinal))
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = canonicalUrl + context.Request.QueryString;
        return true;
    }

    /// <summary>One object at its id (the System: the first one); only public ones exist.</summary>
    private static async Task ObjectAsync(HttpContext context, string type, long? id)
    {
        var omitInternal = context.Request.Query["omit_internal"] == "true";
        var ct = context.RequestAborted;
        byte[]? json = null;
        var modified = DateTime.UnixEpoch;
        await using (var connection = await context.RequestServices.GetRequiredService<OParlStore>().OpenAsync(ct))
        {
            var command = connection.Command(
                $"SELECT {(omitInternal ? "COALESCE(\"JsonOmitInternal\", \"Json\")" : "\"Json\"")}, \"Modified\" FROM \"OParlDocuments\" "
                + $"WHERE \"Type\" = @type{(id is null ? "" : " AND \"ObjectId\" = @id")} AND \"Visible\" ORDER BY \"ObjectId\" LIMIT 1",
                id is long i ? [new("@type", type), new("@id", i)] : [new("@type", type)]);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    json = reader.GetFieldValue<byte[]>(0);
                    modified = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
                }
            }
            finally
            {
                connection.Release(command);
            }
        }
        if (json is null)
        {
            // Non-public objects do not exist for the public: 404, not 403, which would confirm them.
            await OParlResponses.NotFoundAsync(context);
            return;
        }
        await OParlResponses.WriteAsync(context, json, modified);
    }
}
