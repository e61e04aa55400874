using Microsoft.EntityFrameworkCore;
using OpenRis.Documents;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data;

/// <summary>Paper numbers in a paper's texts ("Vorlage 0853/2018") become references, so the cited paper shows "zitiert in".</summary>
public static class PaperCitations
{
    /// <summary>Needs the paper's Questions (or, for a statement, its ParentPaper's) and References loaded.</summary>
    public static async Task LinkAsync(RisDbContext db, Paper paper, CancellationToken cancellationToken)
    {
        var answers = paper.ParentPaper?.Questions.Where(q => q.AnswerPaper == paper).Select(q => q.Answer) ?? [];
        var texts = new[] { paper.Summary, paper.Reasoning, paper.Text }.Concat(paper.Questions.Select(q => q.Text)).Concat(answers)
            .Where(t => t is not null).ToList();
        var matches = texts.SelectMany(t => PaperNumbers.Find(t!)).ToList();
        var numbers = matches.Select(m => m.Reference).Distinct().ToList();
        var cited = await db.Papers.Where(p => p.Reference != null && numbers.Contains(p.Reference) && p.BodyId == paper.BodyId)
            .ToDictionaryAsync(p => p.Reference!, cancellationToken);
        foreach (var match in matches)
        {
            if (cited.TryGetValue(match.Reference, out var target) && target.Id != paper.Id && paper.ParentPaper?.Id != target.Id
                && !paper.References.Any(r => r.ToPaperId == target.Id || r.ToPaper == target))
            {
                paper.References.Add(new PaperReference { FromPaper = paper, ToPaper = target, Kind = PaperReferenceKind.Cites, CitedAs = match.CitedAs });
            }
        }
    }
}
