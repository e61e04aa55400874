using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Commitments;
using OpenRis.Web.Pages.Rendering;

namespace OpenRis.Web.Pages.Papers;

public sealed class DetailsModel(RisDbContext db) : PageModel
{
    public Paper Paper { get; private set; } = null!;

    /// <summary>The inquiry whose questions are shown: this paper, or the one it answers.</summary>
    public Paper? Inquiry { get; private set; }

    public List<Paper> Statements { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Links { get; private set; } = new Dictionary<string, long>();

    /// <summary>Promises made in this paper or in its published statements.</summary>
    public List<CommitmentState> Commitments { get; private set; } = [];

    /// <summary>Promises from earlier papers that this paper fulfilled or was a report on.</summary>
    public List<CommitmentState> Kept { get; private set; } = [];

    public List<PaperVersion> Versions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var paper = await Load(db.Papers.PubliclyVisible().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (paper is null)
        {
            // Non-public and draft papers do not exist for the public: 404, never 403.
            return NotFound();
        }
        Paper = paper;
        Inquiry = paper.Questions.Count > 0 ? paper
            : paper.ParentPaperId is long parentId ? await Load(db.Papers.PubliclyVisible().Where(p => p.Id == parentId)).FirstOrDefaultAsync(cancellationToken)
            : null;
        Statements = await Load(db.Papers.PubliclyVisible().Where(p => p.ParentPaperId == paper.Id)).ToListAsync(cancellationToken);

        var statementIds = Statements.Select(s => s.Id).Append(paper.Id).ToList();
        NowUtc = db.Clock.GetUtcNow().UtcDateTime;
        Commitments = await CommitmentState.LoadAsync(db, db.Commitments.Where(c => statementIds.Contains(c.PaperId)), NowUtc, cancellationToken);
        // The other side: promises of public papers that this paper kept or reported on.
        // Ids first, each by its own index: as one query with OR, SQLite walks every published paper.
        var keptIds = await db.Commitments.Where(c => c.FulfilledByPaperId == paper.Id).Select(c => c.Id)
            .Union(db.CommitmentReports.Where(r => r.PaperId == paper.Id).Select(r => r.CommitmentId))
            .ToListAsync(cancellationToken);
        Kept = keptIds.Count == 0 ? [] : await CommitmentState.LoadAsync(db, db.Commitments
            .Where(c => keptIds.Contains(c.Id))
            .Where(c => c.Paper.Public && c.Paper.Status == PaperStatus.Published), NowUtc, cancellationToken);
        Today = DateOnly.FromDateTime(Berlin.ToLocal(NowUtc));
        Versions = await VersionModel.PublicVersionsAsync(db, paper.Id, paper.Kind.AnswersQuestions, cancellationToken);

        var texts = new[] { paper, Inquiry }.Concat(Statements).Where(p => p is not null)
            .SelectMany(p => new[] { p!.Summary, p.Reasoning, p.Text }.Concat(p.Questions.SelectMany(q => new[] { q.Text, q.Answer })));
        var cited = LinkedText.CitedReferences(texts).ToList();
        // Numbers are the body's own; with BodyId the (BodyId, Reference) index finds them, without it
        // SQLite walks every published paper.
        Links = cited.Count == 0 ? new Dictionary<string, long>() : await db.Papers.PubliclyVisible()
            .Where(p => p.BodyId == paper.BodyId && p.Reference != null && cited.Contains(p.Reference))
            .Select(p => new { p.Reference, p.Id })
            .ToDictionaryAsync(p => p.Reference!, p => p.Id, cancellationToken);
        ViewData["Title"] = paper.DisplayReference is { } reference ? $"{reference} {paper.Name}" : paper.Name;
        return Page();
    }

    private static IQueryable<Paper> Load(IQueryable<Paper> papers) => papers
        .AsNoTracking()
        .Include(p => p.Kind)
        .Include(p => p.ParentPaper)
        .Include(p => p.OriginatorOrganizations)
        .Include(p => p.OriginatorPersons)
        .Include(p => p.Offices).ThenInclude(o => o.Organization)
        .Include(p => p.Questions.OrderBy(q => q.Number))
        .Include(p => p.Signatures.OrderBy(s => s.Position)).ThenInclude(s => s.Person)
        .Include(p => p.ImpactAssessments.Where(a => a.ImpactCheck.Public)).ThenInclude(a => a.ImpactCheck)
        .Include(p => p.Files.Where(f => f.Public))
        .Include(p => p.Consultations).ThenInclude(c => c.Meeting!).ThenInclude(m => m.Organizations).ThenInclude(o => o.Organization)
        .Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).ThenInclude(a => a!.Meeting).ThenInclude(m => m.AgendaVersions)
        .Include(p => p.Consultations).ThenInclude(c => c.Organizations)
        .Include(p => p.References.Where(r => r.ToPaper.Public && r.ToPaper.Status == PaperStatus.Published)).ThenInclude(r => r.ToPaper)
        .Include(p => p.CitedBy.Where(r => r.FromPaper.Public && r.FromPaper.Status == PaperStatus.Published)).ThenInclude(r => r.FromPaper).ThenInclude(p => p.ParentPaper);
}
