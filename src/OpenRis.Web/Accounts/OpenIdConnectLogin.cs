using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Accounts;

/// <summary>Settings under "Authentication:OpenIdConnect"; the login is offered only when Authority and ClientId are set.</summary>
public sealed class OpenIdConnectLoginOptions
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Label of the button on /anmelden, e.g. "Mit dem Dienstkonto der Stadt anmelden".</summary>
    public string DisplayName { get; set; } = "Mit dem Dienstkonto anmelden";

    /// <summary>Claim of the identity provider that holds the OpenRIS user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

internal static class OpenIdConnectLogin
{
    /// <summary>
    /// A municipal identity provider proves who someone is; OpenRIS still decides what they may do:
    /// the provider's user must match an existing OpenRIS account, whose role and office apply.
    /// </summary>
    public static void AddOpenIdConnectLogin(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OpenIdConnectLoginOptions.Section).Get<OpenIdConnectLoginOptions>() ?? new();
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return;
        }
        builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectLoginOptions.Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = "code";
            o.CallbackPath = "/anmelden/oidc";
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.Events.OnTokenValidated = async context =>
            {
                var name = context.Principal?.FindFirstValue(options.UserNameClaim);
                var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<RisUser>>();
                var user = name is null ? null : await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(name));
                if (user is null || await users.IsLockedOutAsync(user))
                {
                    context.Fail("Kein freigeschaltetes OpenRIS-Konto für diese Anmeldung.");
                    return;
                }
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<RisUser>>();
                context.Principal = await signIn.CreateUserPrincipalAsync(user);
            };
        });
    }
}
