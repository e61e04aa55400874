using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Papers;

/// <summary>One earlier version of a public paper's texts, as frozen by the workflow.</summary>
public sealed class VersionModel(RisDbContext db) : PageModel
{
    public long PaperId { get; private set; }
    public string? Reference { get; private set; }
    public PaperVersion Version { get; private set; } = null!;
    public PaperVersion.Content Texts { get; private set; } = null!;
    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int number, CancellationToken cancellationToken)
    {
        var paper = await db.Papers.AsNoTracking().PubliclyVisible().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Kind.AnswersQuestions, Reference = p.Reference ?? p.ParentPaper!.Reference })
            .FirstOrDefaultAsync(cancellationToken);
        if (paper is null)
        {
            return NotFound();
        }
        var versions = await PublicVersionsAsync(db, paper.Id, paper.AnswersQuestions, cancellationToken);
        if (versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            // A draft version of a statement does not exist for the public.
            return NotFound();
        }
        PaperId = paper.Id;
        Reference = paper.Reference;
        Version = version;
        Texts = version.Read();
        Count = versions.Count;
        ViewData["Title"] = $"Fassung {number}: {Texts.Name}";
        return Page();
    }

    /// <summary>The versions of a publicly visible paper that the public may read, oldest first.</summary>
    public static async Task<List<PaperVersion>> PublicVersionsAsync(RisDbContext db, long paperId, bool isStatement, CancellationToken cancellationToken)
    {
        var publishedAt = await db.Set<PaperTransition>().Where(t => t.PaperId == paperId && t.To == PaperStatus.Published)
            .OrderBy(t => t.At).Select(t => (DateTime?)t.At).FirstOrDefaultAsync(cancellationToken);
        var versions = await db.PaperVersions.AsNoTracking().Where(v => v.PaperId == paperId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return versions.Where(v => v.IsPublic(isStatement, publishedAt)).ToList();
    }
}
