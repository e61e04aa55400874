using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Accounts;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Files;

/// <summary>Files of papers in the workspace (drafts, papers in progress) for those who may see the paper.</summary>
public static class WorkspaceFiles
{
    public static IEndpointRouteBuilder MapWorkspaceFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/arbeitsbereich/dateien/{id:long}", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, HttpContext context, RisDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking()
            .Include(f => f.Paper!).ThenInclude(p => p.Kind)
            .Include(f => f.Paper!).ThenInclude(p => p.Offices)
            .Include(f => f.Paper!).ThenInclude(p => p.ParentPaper)
            .FirstOrDefaultAsync(f => f.Id == id && f.PaperId != null, cancellationToken);
        if (file?.Paper is null || !file.Paper.IsVisibleTo(context.User.ToActor()) || !store.Exists(file.Sha512Checksum))
        {
            return Results.NotFound();
        }
        return Results.File(store.OpenRead(file.Sha512Checksum), file.MimeType, file.FileName);
    }
}
