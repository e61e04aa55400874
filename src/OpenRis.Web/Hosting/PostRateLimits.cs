using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenRis.Web.Hosting;

/// <summary>
/// Form posts per client address and minute, where a stranger's posts cost more than a page view.
/// Login: lockout protects one account against guessing; this limit slows a client that tries many
/// accounts (password spraying). Public forms (following by e-mail, accessibility feedback): each
/// post sends a confirmation mail to an address anyone can type, or stores a message, so a script
/// must not turn them into a mail cannon or fill the disk. City halls often reach the server from
/// few addresses, so the defaults are generous and settings.
/// </summary>
public static class PostRateLimits
{
    public const string LoginSetting = "Accounts:LoginAttemptsPerMinute";
    public const int DefaultLoginAttemptsPerMinute = 60;
    public const string PublicFormSetting = "Portal:PublicFormPostsPerMinute";
    public const int DefaultPublicFormPostsPerMinute = 10;

    public static IHostApplicationBuilder AddPostRateLimits(this IHostApplicationBuilder builder)
    {
        var logins = builder.Configuration.GetValue(LoginSetting, DefaultLoginAttemptsPerMinute);
        var forms = builder.Configuration.GetValue(PublicFormSetting, DefaultPublicFormPostsPerMinute);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                KindOf(context.Request) switch
                {
                    "login" => RateLimitPartition.GetFixedWindowLimiter(
                        "login " + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = logins, Window = TimeSpan.FromMinutes(1) }),
                    "form" => RateLimitPartition.GetFixedWindowLimiter(
                        "form " + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = forms, Window = TimeSpan.FromMinutes(1) }),
                    // Partitions are cached by key: the unlimited one must not share a key with any address.
                    _ => RateLimitPartition.GetNoLimiter("unlimited"),
                });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(KindOf(rejected.HttpContext.Request) == "login"
                    ? "Zu viele Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in einer Minute erneut."
                    : "Zu viele Formulare von dieser Adresse in kurzer Zeit. Bitte versuchen Sie es in einer Minute erneut.", cancellationToken);
            };
        });
        return builder;
    }

    private static string? KindOf(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        if (request.Path.StartsWithSegments("/anmelden", StringComparison.OrdinalIgnoreCase))
        {
            return "login";
        }
        // Exactly the subscribe form: confirming and one-click unsubscribing (RFC 8058, posted by mail providers from few addresses) stay free.
        return request.Path.Equals("/folgen", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/barrierefreiheit", StringComparison.OrdinalIgnoreCase)
            ? "form"
            : null;
    }
}
