using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Files;

public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dateien/{id:long}/{name?}", ViewAsync);
        return app;
    }

    /// <summary>Shows a public file inline. A file of a non-public or unpublished parent does not exist for the public.</summary>
    private static async Task<IResult> ViewAsync(long id, RisDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        var listedItems = db.AgendaItems.PubliclyListed();
        var file = await db.Files.AsNoTracking()
            .Where(f => f.Id == id && f.Public)
            .Where(f => (f.Paper != null && f.Paper.Public && f.Paper.Status == PaperStatus.Published)
                || (f.Meeting != null && f.Meeting.Public)
                || (f.AgendaItem != null && f.AgendaItem.Meeting.Public && listedItems.Any(i => i.Id == f.AgendaItemId)))
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null || !store.Exists(file.Sha512Checksum))
        {
            return Results.NotFound();
        }
        var contentType = file.MimeType.StartsWith("text/", StringComparison.Ordinal) ? $"{file.MimeType}; charset=utf-8" : file.MimeType;
        return Results.File(store.OpenRead(file.Sha512Checksum), contentType, enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha512Checksum[..32]}\""));
    }
}
