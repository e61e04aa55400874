namespace OpenRis.Web.Model;

/// <summary>
/// Who may see a paper in the workspace. Public pages, search and OParl show published public
/// papers only (<see cref="Paper.IsPubliclyVisible"/>); this rule is for signed-in users. A draft
/// is its owner's alone: the faction's (inquiry, motion) or the lead office's (statement).
/// Needs Offices loaded, and for a statement its ParentPaper.
/// </summary>
public static class PaperAccess
{
    public static bool IsVisibleTo(this Paper paper, Actor? actor)
    {
        if (paper.Deleted)
        {
            return false;
        }
        if (paper.IsPubliclyVisible)
        {
            return true;
        }
        if (actor is null)
        {
            return false;
        }
        if (paper.Status == PaperStatus.Draft && paper.ReceivedAt is null && !paper.IsStatement)
        {
            return actor.Role is RisRole.FactionOffice or RisRole.CouncilMember && actor.ActsFor(paper.OwnerOrganizationId);
        }
        var involvedOffice = paper.Offices.Any(o => actor.ActsFor(o.OrganizationId));
        if (paper.IsStatement)
        {
            return actor.Role switch
            {
                RisRole.DepartmentClerk => actor.ActsFor(paper.OwnerOrganizationId) || (paper.Status != PaperStatus.Draft && involvedOffice),
                RisRole.Approver or RisRole.CouncilOffice => paper.Status is PaperStatus.AwaitingRelease or PaperStatus.Published,
                RisRole.CouncilMember => paper.Status == PaperStatus.Published,
                RisRole.FactionOffice => paper.Status == PaperStatus.Published && paper.ParentPaper is { } parent && actor.ActsFor(parent.OwnerOrganizationId),
                RisRole.Administrator => false,
            };
        }
        return actor.Role switch
        {
            RisRole.FactionOffice or RisRole.CouncilMember => actor.ActsFor(paper.OwnerOrganizationId) || (actor.Role == RisRole.CouncilMember && paper.Status == PaperStatus.Published),
            RisRole.CouncilOffice or RisRole.Approver => paper.Status != PaperStatus.Draft,
            RisRole.DepartmentClerk => involvedOffice,
            RisRole.Administrator => false,
        };
    }
}
