using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using StartPage = OpenRis.Web.Pages.IndexModel;

namespace OpenRis.Web.Pages.Papers;

public sealed class IndexModel(RisDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public List<StartPage.PaperRow> Papers { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var rows = await Newest(db.Papers.AsNoTracking().PubliclyVisible())
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Papers = rows.Take(PageSize).ToList();
        ViewData["Title"] = "Vorlagen";
    }

    /// <summary>Newest first, as the start page and the feeds list them.</summary>
    public static IQueryable<StartPage.PaperRow> Newest(IQueryable<Paper> papers) =>
        papers.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new StartPage.PaperRow(p.Id, p.Reference ?? p.ParentPaper!.Reference, p.Name, p.Subject, p.Kind.Name, p.Date));
}
