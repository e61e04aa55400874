namespace OpenRis.Web.Model;

/// <summary>
/// Who may find a search document, as index tokens: <c>public</c>, <c>role:R</c> (everyone with
/// role R) or <c>org:R:O</c> (role R acting for organization O). A paper's tokens are derived from
/// <see cref="PaperAccess"/> itself, by asking it for every role with and without each organization
/// the rule can look at, so search can never grant more than the workspace does.
/// </summary>
public static class SearchAudience
{
    public const string Public = "public";

    /// <summary>Needs Kind, Offices and, for a statement, ParentPaper loaded.</summary>
    public static List<string> Of(Paper paper)
    {
        var tokens = new List<string>();
        if (paper.Deleted)
        {
            return tokens;
        }
        if (paper.IsPubliclyVisible)
        {
            tokens.Add(Public);
            return tokens;
        }
        // The rule only asks ActsFor about these organizations; any other one is "none of them".
        long?[] candidates = [paper.OwnerOrganizationId, paper.ParentPaper?.OwnerOrganizationId, .. paper.Offices.Select(o => (long?)o.OrganizationId)];
        foreach (var role in Enum.GetValues<RisRole>())
        {
            if (paper.IsVisibleTo(new Actor("search", role, null)))
            {
                tokens.Add(ForRole(role));
                continue;
            }
            foreach (var organization in candidates.OfType<long>().Distinct())
            {
                if (paper.IsVisibleTo(new Actor("search", role, organization)))
                {
                    tokens.Add(ForOrganization(role, organization));
                }
            }
        }
        return tokens;
    }

    /// <summary>The tokens a reader holds: anonymous visitors only <c>public</c>.</summary>
    public static List<string> Of(Actor? actor)
    {
        List<string> tokens = [Public];
        if (actor is not null)
        {
            tokens.Add(ForRole(actor.Role));
            if (actor.OrganizationId is { } organization)
            {
                tokens.Add(ForOrganization(actor.Role, organization));
            }
        }
        return tokens;
    }

    private static string ForRole(RisRole role) => $"role:{role}";

    private static string ForOrganization(RisRole role, long organization) => FormattableString.Invariant($"org:{role}:{organization}");
}
