using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Demo;
using OpenRis.Web.Hosting;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// Every POST the application accepts — each Razor page handler and each minimal endpoint, read from the
/// endpoint data source, so a form added later is checked too — is refused with 400 without an antiforgery
/// token, for everyone allowed to send it, and never executed.
/// </summary>
public sealed class AntiforgeryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// The one exception: the RFC 8058 one-click unsubscribe. Mail programs POST "List-Unsubscribe=One-Click"
    /// to the URL of the List-Unsubscribe header without any form, so there is no token to send; the random
    /// token in the URL is the credential (see <see cref="OneClickUnsubscribe_NeedsNoForm_ButTheSecretToken"/>).
    /// </summary>
    private static readonly HashSet<string> WithoutToken = ["/folgen/abmelden/{token}"];

    /// <summary>The OParl catch-all answers every method with OParl's JSON 404; it reads no form and changes nothing.</summary>
    private static readonly HashSet<string> NotFoundForEveryMethod = ["/oparl/{**rest}"];

    [Fact]
    public async Task EveryPost_WithoutAntiforgeryToken_IsRefused_ForEveryoneAllowedThere()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        // Every public form posted as every account from one address: above the default rate limit of public forms.
        await using var app = new RisApp(database, settings: new Dictionary<string, string> { [PostRateLimits.PublicFormSetting] = "1000" });
        var clients = new Dictionary<string, HttpClient> { [""] = app.Client() };
        foreach (var account in new[] { DemoAccounts.CouncilMember, DemoAccounts.FactionOffice, DemoAccounts.OtherFactionOffice, DemoAccounts.CouncilOffice,
                     DemoAccounts.Clerk, DemoAccounts.CoSigningClerk, DemoAccounts.Approver, DemoAccounts.Administrator })
        {
            clients[account] = await app.SignInAsync(account);
        }
        long paperCount;
        await using (var db = database.NewContext())
        {
            paperCount = await db.Papers.CountAsync(Token);
        }

        var posts = await PostTargetsAsync(app.Services);
        Assert.Contains(posts, p => p.Path == "/anmelden");
        Assert.Contains(posts, p => p.Path.StartsWith("/arbeitsbereich/vorlagen/", StringComparison.Ordinal));
        Assert.True(posts.Count > 30, $"only {posts.Count} POST targets found: the endpoint enumeration is broken");

        var failures = new List<string>();
        foreach (var post in posts.Where(p => !WithoutToken.Contains(p.Template)))
        {
            var refusedWith400 = 0;
            foreach (var (account, client) in clients)
            {
                // A form post without __RequestVerificationToken: a forged form on another site would send this.
                using var response = await client.PostAsync(new Uri(post.Path, UriKind.Relative),
                    new FormUrlEncodedContent([new("Form.Subject", "Gefälscht"), new("Form.Text", "Gefälscht")]), Token);
                var notAllowed = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/anmelden", StringComparison.Ordinal));
                if (NotFoundForEveryMethod.Contains(post.Template) && response.StatusCode == HttpStatusCode.NotFound)
                {
                    refusedWith400++;
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    Assert.Contains("Das Formular war ungültig oder ist abgelaufen.", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
                    refusedWith400++;
                }
                else if (!notAllowed)
                {
                    failures.Add($"POST {post.Path} as '{account}': {(int)response.StatusCode} instead of 400");
                }
            }
            if (refusedWith400 == 0)
            {
                failures.Add($"POST {post.Path}: no demo account is allowed there, so antiforgery was never reached");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await using var after = database.NewContext();
        Assert.Equal(paperCount, await after.Papers.CountAsync(Token));
        // Still signed in: not even the logout ran.
        using var workspace = await clients[DemoAccounts.CouncilOffice].GetAsync(new Uri("/arbeitsbereich", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
    }

    [Fact]
    public async Task OneClickUnsubscribe_NeedsNoForm_ButTheSecretToken()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var client = app.Client();
        var follow = await FollowAsync(app, database);

        using var guessed = await client.PostAsync(new Uri("/folgen/abmelden/" + new string('a', follow.Token.Length), UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token);
        // A wrong token is a plain 404 page (the error page, re-executed as a POST, must not fail antiforgery).
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("Seite nicht gefunden", await guessed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Null((await db.Follows.SingleAsync(f => f.Id == follow.Id, Token)).UnsubscribedAt);
        }

        // What a mail program sends for RFC 8058: a bare POST, no cookie, no antiforgery token.
        using var oneClick = await client.PostAsync(new Uri("/folgen/abmelden/" + follow.Token, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await using (var db = database.NewContext())
        {
            Assert.NotNull((await db.Follows.SingleAsync(f => f.Id == follow.Id, Token)).UnsubscribedAt);
        }
        Assert.True(follow.Token.Length >= 20, "the unsubscribe token must be long enough not to be guessed");
    }

    private static async Task<Follow> FollowAsync(RisApp app, TestDatabase database)
    {
        _ = app.Client(); // migrates and seeds
        await using var db = database.NewContext();
        var paper = await db.Papers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Token);
        var follow = Follow.Start("leser@example.org", FollowTarget.Paper, paper, null, null, 1, TimeProvider.System.GetUtcNow().UtcDateTime);
        db.Follows.Add(follow);
        await db.SaveChangesAsync(Token);
        return follow;
    }

    private sealed record PostTarget(string Template, string Path);

    /// <summary>Every (route, handler) that takes a POST, with route values filled in.</summary>
    private static async Task<List<PostTarget>> PostTargetsAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<PostTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var path = Fill(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
                {
                    targets.Add(new(template, handler.Name is null ? path : $"{path}?handler={handler.Name}"));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Post))
            {
                // A minimal endpoint without method metadata answers every method, POST included.
                targets.Add(new(template, path));
            }
        }
        return targets.DistinctBy(t => t.Path).ToList();
    }

    private static string Fill(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name == "format" ? "pdf" : "1",
            _ => "",
        }))));
}
