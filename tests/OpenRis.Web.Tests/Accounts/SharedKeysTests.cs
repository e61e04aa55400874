using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenRis.Web.Accounts;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Accounts;

/// <summary>A login cookie issued by one web node is accepted by another node that shares the key folder, and only then.</summary>
public sealed class SharedKeysTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieFromOneNode_IsAcceptedByASecondNode_WithTheSameKeys()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        // Each node keeps its own search index (docs/search.md); they share database, files and keys.
        await using var first = new RisApp(database);
        await using var second = new RisApp(database).WithWebHostBuilder(builder =>
            builder.UseSetting("Search:IndexPath", Path.Combine(database.Folder, "search-second")));
        await using var stranger = new RisApp(database).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Search:IndexPath", Path.Combine(database.Folder, "search-stranger"));
            builder.UseSetting(SharedKeys.Setting, Path.Combine(database.Folder, "other-keys"));
        });

        var cookie = await SignInCookieAsync(first);

        Assert.Equal(HttpStatusCode.OK, await WorkspaceStatusAsync(second, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await WorkspaceStatusAsync(stranger, cookie));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(database.Folder, "keys"), "key-*.xml"));
    }

    private static async Task<string> SignInCookieAsync(RisApp app)
    {
        // Cookies handled here: the form's antiforgery token needs its cookie.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("openris.anmeldung=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> WorkspaceStatusAsync(WebApplicationFactory<Program> app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/arbeitsbereich");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Token);
        return response.StatusCode;
    }
}
