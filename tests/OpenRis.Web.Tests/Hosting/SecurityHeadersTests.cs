using OpenRis.Web.Hosting;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>Every answer carries the security headers: pages, errors, static files, OParl and feeds.</summary>
public sealed class SecurityHeadersTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/vorlagen")]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/anmelden")]
    [InlineData("/css/site.css")]
    [InlineData("/oparl/v1.1/system")]
    [InlineData("/oparl/v1.1/body/999999")]
    [InlineData("/kalender.ics")]
    public async Task Response_CarriesTheSecurityHeaders(string path)
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);

        using var response = await app.Client().GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_IsSentOverHttps_AndNotOverHttp()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var https = app.CreateClient(new() { BaseAddress = new Uri("https://ris.example.de"), AllowAutoRedirect = false });
        var http = app.CreateClient(new() { BaseAddress = new Uri("http://ris.example.de"), AllowAutoRedirect = false });

        using var secure = await https.GetAsync(new Uri("/vorlagen", UriKind.Relative), Token);
        using var plain = await http.GetAsync(new Uri("/vorlagen", UriKind.Relative), Token);

        var hsts = Assert.Single(secure.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches(@"^max-age=(\d+)", hsts);
        Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(hsts, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture) >= 30 * 24 * 3600, hsts);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
