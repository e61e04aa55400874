using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OpenRis.Web.Data;
using OpenRis.Web.Files;

namespace OpenRis.Web.OParl;

/// <summary>
/// File contents (OParl 1.1 §2.7): accessUrl shows inline, downloadUrl sends an attachment with the
/// file name; both with ETag, Last-Modified, byte ranges; a deleted file is 410 Gone.
/// </summary>
internal static class OParlFiles
{
    public static async Task SendAsync(HttpContext context, long id, RisDbContext db, FileStore store, bool download)
    {
        var document = await db.OParlDocuments.Where(d => d.Type == OParlTypes.File && d.ObjectId == id && d.Visible)
            .Select(d => new { d.Deleted, d.Modified }).FirstOrDefaultAsync(context.RequestAborted);
        if (document is null)
        {
            await OParlResponses.NotFoundAsync(context);
            return;
        }
        if (document.Deleted)
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status410Gone, "Diese Datei wurde gelöscht.", $"File {id} is deleted.");
            return;
        }
        var file = await db.Files.IgnoreQueryFilters().AsNoTracking().FirstAsync(f => f.Id == id, context.RequestAborted);
        if (!store.Exists(file.Sha512Checksum))
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Der Inhalt dieser Datei fehlt.", $"No content for file {id}.");
            return;
        }
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(file.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var contentType = file.MimeType.StartsWith("text/", StringComparison.Ordinal) ? $"{file.MimeType}; charset=utf-8" : file.MimeType;
        var result = Results.File(store.OpenRead(file.Sha512Checksum), contentType, enableRangeProcessing: true,
            lastModified: new DateTimeOffset(DateTime.SpecifyKind(document.Modified, DateTimeKind.Utc)),
            entityTag: new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{file.Sha512Checksum[..32]}\"")));
        await result.ExecuteAsync(context);
    }
}
