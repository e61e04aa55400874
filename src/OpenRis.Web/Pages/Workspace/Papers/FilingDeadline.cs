using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Papers;

internal static class FilingDeadline
{
    /// <summary>
    /// The filing deadline of the paper's target meeting: for a draft against now, afterwards against
    /// the receipt. Null for a statement, without a target meeting, or without a rule for the kind.
    /// </summary>
    public static async Task<DeadlineCheck?> CheckAsync(RisDbContext db, Paper paper, DateTime now, CancellationToken cancellationToken)
    {
        if (paper.IsStatement || paper.TargetMeeting?.Start is not { } start)
        {
            return null;
        }
        var rules = await db.DeadlineRules.AsNoTracking().Where(r => r.BodyId == paper.BodyId).ToListAsync(cancellationToken);
        return DeadlineRule.Resolve(rules, paper.BodyId, paper.PaperKindId)?.Check(Berlin.ToOffset(paper.ReceivedAt ?? now), Berlin.ToOffset(start));
    }
}
