using Microsoft.AspNetCore.Identity;

namespace OpenRis.Web.Model;

/// <summary>
/// A person who signs in: council member, faction office, council office, department clerk,
/// approver or administrator. Faction offices and clerks act for one Organization (their faction
/// or their Amt); what they may see and do follows from that binding.
/// </summary>
public sealed class RisUser : IdentityUser<long>
{
    /// <summary>Name as printed under a signature, e.g. "Erik O. Schulz".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Function as printed under a signature, e.g. "Oberbürgermeister".</summary>
    public string? Function { get; set; }

    public RisRole Role { get; set; }

    /// <summary>The faction (faction office, council member) or office (clerk, approver) the account acts for.</summary>
    public long? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>
    /// What is wrong with binding a role to an organization, or null: faction offices and council
    /// members act for a faction, clerks and approvers for an office of the administration, the
    /// council office and the administrator for nobody.
    /// </summary>
    public static string? BindingError(RisRole role, Organization? organization) => role switch
    {
        RisRole.FactionOffice or RisRole.CouncilMember when organization is not { IsFaction: true } =>
            $"Die Rolle „{role.ToGerman()}“ braucht eine Fraktion.",
        RisRole.DepartmentClerk or RisRole.Approver when organization is not { IsOffice: true } =>
            $"Die Rolle „{role.ToGerman()}“ braucht eine Dienststelle der Verwaltung.",
        RisRole.CouncilOffice or RisRole.Administrator when organization is not null =>
            $"Die Rolle „{role.ToGerman()}“ handelt nicht für eine Organisation; bitte wählen Sie keine.",
        _ => null,
    };
}

public enum RisRole
{
    CouncilMember,
    FactionOffice,
    CouncilOffice,
    DepartmentClerk,
    Approver,
    Administrator,
}

public static class RisRoleNames
{
    public static string ToGerman(this RisRole role) => role switch
    {
        RisRole.CouncilMember => "Ratsmitglied",
        RisRole.FactionOffice => "Fraktionsgeschäftsstelle",
        RisRole.CouncilOffice => "Ratsbüro",
        RisRole.DepartmentClerk => "Sachbearbeitung im Fachamt",
        RisRole.Approver => "Freigabe (Oberbürgermeister/Dezernent)",
        RisRole.Administrator => "Administration",
    };
}

/// <summary>Who performs a workflow step: what the rules on the model check, without a database or HTTP.</summary>
public sealed record Actor(string Name, RisRole Role, long? OrganizationId, string? Function = null)
{
    public bool ActsFor(long? organizationId) => organizationId is not null && OrganizationId == organizationId;
}
