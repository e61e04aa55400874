using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenRis.Web.Data;
using OpenRis.Web.Hosting;
using OpenRis.Web.Model;

namespace OpenRis.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Minutes a sign-in lasts without a request; each request past half of it renews it (sliding).</summary>
    public const string SessionMinutesSetting = "Accounts:SessionMinutes";
    public const int DefaultSessionMinutes = 480;

    /// <summary>Hours after signing in when a session ends even if it was used all the time.</summary>
    public const string AbsoluteSessionHoursSetting = "Accounts:AbsoluteSessionHours";
    public const int DefaultAbsoluteSessionHours = 12;

    // Sliding renewal re-issues the ticket with a new IssuedUtc but keeps the property items, so the
    // moment of the real sign-in travels in an item of its own.
    private const string SignedInItem = "openris.signedInUtc";

    /// <summary>
    /// ASP.NET Core Identity on the one RisDbContext: hashed passwords, lockout, a cookie for the
    /// workspace pages. Public pages and the OParl API never require it and set no cookie.
    /// </summary>
    public static IHostApplicationBuilder AddRisAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<RisUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<RisDbContext>()
            .AddClaimsPrincipalFactory<RisClaimsFactory>()
            .AddErrorDescriber<GermanIdentityErrors>();
        var sessionMinutes = builder.Configuration.GetValue(SessionMinutesSetting, DefaultSessionMinutes);
        if (sessionMinutes <= 0)
        {
            throw new StartupException($"{SessionMinutesSetting} must be a positive number of minutes, not {sessionMinutes}.");
        }
        var absoluteHours = builder.Configuration.GetValue(AbsoluteSessionHoursSetting, DefaultAbsoluteSessionHours);
        if (absoluteHours <= 0)
        {
            throw new StartupException($"{AbsoluteSessionHoursSetting} must be a positive number of hours, not {absoluteHours}.");
        }
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "openris.anmeldung";
            o.LoginPath = "/anmelden";
            o.LogoutPath = "/abmelden";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
            o.SlidingExpiration = true;
            // A stolen or forgotten session that is kept busy must still end: the absolute maximum.
            o.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInItem, context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.Options.TimeProvider!.GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInItem, out var value)
                    || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
                    || now - signedIn >= TimeSpan.FromHours(absoluteHours))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validateStamp(context);
            };
            // A signed-in user without the right role gets a plain 403 page, not a login loop.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
        builder.AddOpenIdConnectLogin();
        builder.AddPostRateLimits();
        builder.AddSharedKeys();
        return builder;
    }

    public static WebApplication UseRisAccounts(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // The audit trail names the signed-in user for everything saved in this request.
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                context.RequestServices.GetRequiredService<AuditActor>().Name = name;
            }
            await next(context);
        });
        return app;
    }
}
