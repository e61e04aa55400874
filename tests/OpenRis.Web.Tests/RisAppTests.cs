using System.Net;

namespace OpenRis.Web.Tests;

public sealed class RisAppTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_WhenDatabaseReachable_LiveAndReady(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
