using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.OParl;

/// <summary>The OParl 1.1 API under /oparl/v1.1: System, Bodies, the ten Body lists, the two Organization lists, every object, file contents.</summary>
public static class OParlEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IHostApplicationBuilder AddOParl(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OParlOptions.Section).Get<OParlOptions>() ?? new OParlOptions();
        options.BaseUrl = options.BaseUrl.TrimEnd('/');
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OParlProjection>();
        builder.Services.AddSingleton<OParlListCache>();
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

    public static WebApplication MapOParl(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<OParlOptions>();
        var canonical = new Uri(options.BaseUrl);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/oparl"), oparl => oparl.Use(async (context, next) =>
        {
            // OParl 1.1 §2.6: every JSON answer, errors included, may be read by any web page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Task.CompletedTask;
            });
            // One canonical scheme and host (OParl 1.1 §2.3): ids are URLs and must not come in several spellings.
            if (!string.Equals(context.Request.Scheme, canonical.Scheme, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(context.Request.Host.Value, canonical.Authority, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = options.BaseUrl + context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                return;
            }
            await next(context);
        }));

        var api = app.MapGroup(OParlUrls.Path);
        var urls = new OParlUrls(options.BaseUrl);
        api.MapMethods("", GetAndHead, (HttpContext context) => Results.Redirect(urls.System, permanent: true));
        api.MapMethods("/system", GetAndHead, (HttpContext context, RisDbContext db) =>
            Redirected(context, urls.System) ? Task.CompletedTask
                : ObjectAsync(context, db.OParlDocuments.Where(d => d.Type == OParlTypes.System).OrderBy(d => d.ObjectId)));
        api.MapMethods("/body", GetAndHead, (HttpContext context, RisDbContext db) =>
            Redirected(context, urls.Bodies) ? Task.CompletedTask
                : OParlLists.WriteAsync(context, db, db.OParlDocuments.Where(d => d.Type == OParlTypes.Body && d.Visible), urls.Bodies, options));
        api.MapMethods("/body/{id:long}/{list}", GetAndHead, BodyListAsync);
        api.MapMethods("/organization/{id:long}/{list}", GetAndHead, OrganizationListAsync);
        api.MapMethods("/file/{id:long}/access", GetAndHead, (HttpContext context, long id, RisDbContext db, Files.FileStore store) =>
            Redirected(context, urls.FileAccess(id)) ? Task.CompletedTask : OParlFiles.SendAsync(context, id, db, store, download: false));
        api.MapMethods("/file/{id:long}/download", GetAndHead, (HttpContext context, long id, RisDbContext db, Files.FileStore store) =>
            Redirected(context, urls.FileDownload(id)) ? Task.CompletedTask : OParlFiles.SendAsync(context, id, db, store, download: true));
        api.MapMethods("/{type}/{id:long}", GetAndHead, (HttpContext context, string type, long id, RisDbContext db) =>
            type is OParlTypes.System || !OParlTypes.All.Contains(type)
                ? OParlResponses.NotFoundAsync(context)
                : CanonicalObjectAsync(context, urls.Of(type, id), db.OParlDocuments.Where(d => d.Type == type && d.ObjectId == id)));
        app.Map("/oparl/{**rest}", OParlResponses.NotFoundAsync);
        return app;

        async Task BodyListAsync(HttpContext context, long id, string list, RisDbContext db)
        {
            var type = OParlTypes.BodyLists.FirstOrDefault(l => l.List == list).Type;
            if (type is not null && Redirected(context, urls.BodyList(id, list)))
            {
                return;
            }
            if (type is null || !await db.OParlDocuments.AnyAsync(d => d.Type == OParlTypes.Body && d.ObjectId == id && d.Visible && !d.Deleted, context.RequestAborted))
            {
                await OParlResponses.NotFoundAsync(context);
                return;
            }
            await OParlLists.WriteAsync(context, db, db.OParlDocuments.Where(d => d.Type == type && d.BodyId == id && d.Visible), urls.BodyList(id, list), options);
        }

        async Task OrganizationListAsync(HttpContext context, long id, string list, RisDbContext db)
        {
            if (list is "meeting" or "consultation" && Redirected(context, urls.OrganizationList(id, list)))
            {
                return;
            }
            if (list is not ("meeting" or "consultation")
                || !await db.OParlDocuments.AnyAsync(d => d.Type == OParlTypes.Organization && d.ObjectId == id && d.Visible && !d.Deleted, context.RequestAborted))
            {
                await OParlResponses.NotFoundAsync(context);
                return;
            }
            // From the link rows of this one organization (indexed by organization, then object) to the
            // documents by primary key, so that a page never walks the documents of other organizations.
            var members = list == "meeting"
                ? db.MeetingOrganizations.Where(mo => mo.OrganizationId == id).Select(mo => mo.MeetingId)
                : db.Set<Dictionary<string, object>>("ConsultationOrganization")
                    .Where(co => EF.Property<long>(co, "OrganizationId") == id).Select(co => EF.Property<long>(co, "ConsultationId"));
            var type = list == "meeting" ? OParlTypes.Meeting : OParlTypes.Consultation;
            var documents = db.OParlDocuments.Where(d => d.Type == type && d.Visible && members.Contains(d.ObjectId));
            await OParlLists.WriteAsync(context, db, documents, urls.OrganizationList(id, list), options);
        }
    }

    /// <summary>An object at its id.</summary>
    private static Task CanonicalObjectAsync(HttpContext context, string canonicalUrl, IQueryable<OParlDocument> document) =>
        Redirected(context, canonicalUrl) ? Task.CompletedTask : ObjectAsync(context, document);

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

    private static async Task ObjectAsync(HttpContext context, IQueryable<OParlDocument> document)
    {
        var omitInternal = context.Request.Query["omit_internal"] == "true";
        var found = await document.Where(d => d.Visible)
            .Select(d => new { Json = omitInternal ? d.JsonOmitInternal ?? d.Json : d.Json, d.Modified })
            .FirstOrDefaultAsync(context.RequestAborted);
        if (found is null)
        {
            // Non-public objects do not exist for the public: 404, not 403, which would confirm them.
            await OParlResponses.NotFoundAsync(context);
            return;
        }
        await OParlResponses.WriteAsync(context, found.Json, found.Modified);
    }
}
