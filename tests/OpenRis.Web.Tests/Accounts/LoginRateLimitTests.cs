using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenRis.Web.Accounts;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Accounts;

/// <summary>Many login attempts from one address are slowed down with a clear German answer; reading pages is not.</summary>
public sealed class LoginRateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AttemptsAboveTheLimit_Get429InGerman_AndPagesStillAnswer()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting(LoginRateLimit.Setting, "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = "falsch-falsch-" + attempt });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Zu viele Anmeldeversuche", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri("/anmelden", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
