using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Commitments;

/// <summary>
/// A commitment with what its state depends on besides itself: for one due at every meeting of a
/// body, the meetings held without a report (<see cref="Missed"/>) and the next one it is due at.
/// </summary>
public sealed record CommitmentState(Commitment Commitment, bool Overdue, IReadOnlyList<Meeting> Missed, Meeting? Next)
{
    public static async Task<List<CommitmentState>> LoadAsync(RisDbContext db, IQueryable<Commitment> commitments, DateTime now, CancellationToken cancellationToken)
    {
        var list = await commitments.AsNoTracking()
            .Include(c => c.Paper).ThenInclude(p => p.ParentPaper)
            .Include(c => c.RecurringOrganization)
            .Include(c => c.FulfilledByPaper).ThenInclude(p => p!.ParentPaper)
            .Include(c => c.Reports).ThenInclude(r => r.Meeting)
            .Include(c => c.Reports).ThenInclude(r => r.Paper)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var organizations = list.Select(c => c.RecurringOrganizationId).OfType<long>().Distinct().ToList();
        var meetings = organizations.Count == 0 ? [] : await db.Meetings.AsNoTracking().Include(m => m.Organizations)
            .Where(m => m.Organizations.Any(o => organizations.Contains(o.OrganizationId)))
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Berlin.ToLocal(now));
        return list.Select(c =>
        {
            var of = meetings.Where(m => m.Organizations.Any(o => o.OrganizationId == c.RecurringOrganizationId)).ToList();
            return new CommitmentState(c, c.IsOverdue(today, of, now), c.MissedMeetings(of, now).ToList(), c.NextDueMeeting(of, now));
        }).ToList();
    }
}
