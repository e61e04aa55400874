using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenRis.Web.Model;

namespace OpenRis.Web.Accounts;

/// <summary>The claims a signed-in user carries, so pages need no database round trip to know who acts.</summary>
public static class RisClaims
{
    public const string Organization = "openris:organization";
    public const string DisplayName = "openris:display-name";
    public const string Function = "openris:function";

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var role = Enum.TryParse<RisRole>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : throw new InvalidOperationException("Signed-in user without a role.");
        var organization = long.TryParse(user.FindFirstValue(Organization), CultureInfo.InvariantCulture, out var o) ? o : (long?)null;
        var name = user.FindFirstValue(DisplayName) is { Length: > 0 } display ? display : user.Identity?.Name ?? "unbekannt";
        return new Actor(name, role, organization, user.FindFirstValue(Function));
    }

    public static bool IsIn(this ClaimsPrincipal user, RisRole role) => user.IsInRole(role.ToString());
}

internal sealed class RisClaimsFactory(UserManager<RisUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RisUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RisUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(RisClaims.DisplayName, user.DisplayName));
        if (user.Function is { } function)
        {
            identity.AddClaim(new Claim(RisClaims.Function, function));
        }
        if (user.OrganizationId is long organization)
        {
            identity.AddClaim(new Claim(RisClaims.Organization, organization.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
