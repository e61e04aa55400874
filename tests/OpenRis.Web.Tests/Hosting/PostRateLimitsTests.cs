using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Hosting;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>Many login attempts or public form posts from one address are slowed down with a clear German answer; reading pages is not.</summary>
public sealed class PostRateLimitsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AttemptsAboveTheLimit_Get429InGerman_AndPagesStillAnswer()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting(PostRateLimits.LoginSetting, "3"));
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

    [Fact]
    public async Task FollowAndFeedbackPostsAboveTheLimit_Get429InGerman_NothingQueued_AndPagesStillAnswer()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting(PostRateLimits.PublicFormSetting, "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        long paper;
        await using (var db = database.NewContext())
        {
            paper = await db.Papers.Where(p => p.Reference == "0930/2018").Select(p => p.Id).SingleAsync(Token);
        }

        for (var post = 1; post <= 3; post++)
        {
            using var allowed = await client.SubmitAsync($"/folgen?vorlage={paper}", "Benachrichtigung bestellen", new() { ["Email"] = $"person{post}@beispiel.de" });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }
        using var refused = await client.SubmitAsync($"/folgen?vorlage={paper}", "Benachrichtigung bestellen", new() { ["Email"] = "opfer@beispiel.de" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Formulare", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        // The feedback form shares the budget of this address.
        using var feedback = await client.PostAsync(new Uri("/barrierefreiheit", UriKind.Relative), new FormUrlEncodedContent([new("Message", "Test")]), Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, feedback.StatusCode);

        await using (var db = database.NewContext())
        {
            Assert.Equal(3, await db.Follows.CountAsync(Token));
            Assert.DoesNotContain(await db.OutgoingMails.Select(m => m.ToAddress).ToListAsync(Token), to => to.Contains("opfer", StringComparison.Ordinal));
        }
        using var page = await client.GetAsync(new Uri($"/folgen?vorlage={paper}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
