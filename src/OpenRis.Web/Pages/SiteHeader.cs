using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Pages;

/// <summary>What the shared layout shows in every page's header: the body's name.</summary>
public sealed class SiteHeader(RisDbContext db)
{
    public async Task<string> BodyNameAsync(CancellationToken cancellationToken) =>
        await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
}
