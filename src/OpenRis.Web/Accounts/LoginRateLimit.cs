using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenRis.Web.Accounts;

/// <summary>
/// Login attempts per client address and minute. Lockout protects one account against guessing;
/// this limit slows a client that tries many accounts (password spraying). City halls often
/// reach the server from few addresses, so the default is generous and a setting.
/// </summary>
public static class LoginRateLimit
{
    public const string Setting = "Accounts:LoginAttemptsPerMinute";
    public const int DefaultAttemptsPerMinute = 60;

    public static IHostApplicationBuilder AddLoginRateLimit(this IHostApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue(Setting, DefaultAttemptsPerMinute);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "login " + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) })
                    // Partitions are cached by key: the unlimited one must not share a key with any address.
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Zu viele Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in einer Minute erneut.", cancellationToken);
            };
        });
        return builder;
    }

    private static bool IsLoginAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/anmelden", StringComparison.OrdinalIgnoreCase);
}
