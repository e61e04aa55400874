using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenRis.Web.Tests.OParl;

/// <summary>HTTP around the JSON (OParl 1.1 §2.3, §2.6, §2.7, §2.9; oparl-notes §7): CORS, HEAD, no cookies, ETag/304, compression, one canonical URL, 404s.</summary>
public sealed class HttpTests(OParlSites sites)
{
    private const string Api = OParlSite.Api;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The OParl Error object with an error status, CORS and the JSON content type.</summary>
    internal static void AssertErrorObject(HttpResponseMessage response, JsonObject? error)
    {
        var url = response.RequestMessage?.RequestUri;
        Assert.True((int)response.StatusCode >= 400, $"{url}: an error answer with status {(int)response.StatusCode}");
        Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) && origin.Single() == "*", $"{url}: {(int)response.StatusCode} without ACAO: *");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.NotNull(error);
        Assert.Equal(OParlSchemas.Namespace + "Error", OParlRules.Text(error, "type"));
        Assert.False(string.IsNullOrWhiteSpace(OParlRules.Text(error, "message")), $"{url}: Error without message");
        Assert.True(!error.ContainsKey("debug") || OParlRules.Text(error, "debug") is not null, $"{url}: debug is not a string");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request, Token);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EveryAnswer_HasCorsAndTheJsonContentType_NoBomNoCookie(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var paper = await site.PaperIdAsync("0930/2018");
        string[] ok = [$"{Api}/system", $"{Api}/body", $"{Api}/body/1", $"{Api}/body/1/paper?limit=2", $"{Api}/paper/{paper}", $"{Api}/organization/1/meeting", $"{Api}/paper/{paper}?omit_internal=true"];
        string[] notFound = [$"{Api}/foo/1", $"{Api}/paper/999999", $"{Api}/system/1", $"{Api}/body/999", $"{Api}/paper/abc", $"{Api}/nothing/at/all/here", "http://localhost/oparl/v2/system", $"{Api}/body/1/foo"];
        string[] badRequest = [$"{Api}/body/1/paper?limit=0", $"{Api}/body?modified_since=gestern"];

        foreach (var (urls, status) in new[] { (ok, HttpStatusCode.OK), (notFound, HttpStatusCode.NotFound), (badRequest, HttpStatusCode.BadRequest) })
        {
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url, Token);
                var body = await response.Content.ReadAsByteArrayAsync(Token);

                Assert.True(status == response.StatusCode, $"{url}: {(int)response.StatusCode}, expected {(int)status}");
                Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) && origin.Single() == "*", $"{url}: no ACAO: *");
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                Assert.True(body.Length > 0 && body[0] == (byte)'{', $"{url}: the body starts with {(body.Length == 0 ? "nothing" : body[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture))}, not {{ (BOM?)");
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{url}: sets a cookie");
                if (status != HttpStatusCode.OK)
                {
                    AssertErrorObject(response, JsonNode.Parse(body)!.AsObject());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Head_AnswersLikeGet_WithoutABody(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var paper = await site.PaperIdAsync("0930/2018");
        string[] headers = ["Content-Type", "Content-Length", "ETag", "Last-Modified", "Access-Control-Allow-Origin", "Cache-Control"];

        foreach (var url in new[] { $"{Api}/system", $"{Api}/body", $"{Api}/body/1/membership?limit=5", $"{Api}/paper/{paper}", $"{Api}/paper/999999" })
        {
            using var get = await SendAsync(client, HttpMethod.Get, url);
            using var head = await SendAsync(client, HttpMethod.Head, url);

            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync(Token));
            foreach (var header in headers)
            {
                Assert.Equal(Header(get, header), Header(head, header));
            }
            Assert.False(head.Headers.Contains("Set-Cookie"));
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ETag_WithIfNoneMatch_Gives304(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var paper = await site.PaperIdAsync("0930/2018");
        var etags = new HashSet<string>();

        foreach (var url in new[] { $"{Api}/system", $"{Api}/paper/{paper}", $"{Api}/body/1/agendaItem?limit=3", $"{Api}/body/1/agendaItem?limit=4" })
        {
            using var first = await client.GetAsync(url, Token);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(etags.Add(etag.Tag), $"{url}: the same ETag as another answer");
            Assert.NotNull(first.Content.Headers.LastModified);

            using var same = await SendAsync(client, HttpMethod.Get, url, h => h.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
            Assert.Empty(await same.Content.ReadAsByteArrayAsync(Token));
            Assert.Equal(etag, same.Headers.ETag);

            // If-None-Match compares weakly: the strong spelling of the same tag matches too.
            using var strong = await SendAsync(client, HttpMethod.Get, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag)));
            Assert.Equal(HttpStatusCode.NotModified, strong.StatusCode);

            using var other = await SendAsync(client, HttpMethod.Get, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true)));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task GzipAndBrotli_WhenAsked_DecompressToThePlainBody(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var url = $"{Api}/body/1/membership?limit=1000";
        using var plain = await client.GetAsync(url, Token);
        var bytes = await plain.Content.ReadAsByteArrayAsync(Token);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        foreach (var (encoding, decompress) in new (string, Func<Stream, Stream>)[]
        {
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
        })
        {
            using var compressed = await SendAsync(client, HttpMethod.Get, url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));
            Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            Assert.Equal("*", Header(compressed, "Access-Control-Allow-Origin"));
            using var stream = decompress(await compressed.Content.ReadAsStreamAsync(Token));
            using var decompressed = new MemoryStream();
            await stream.CopyToAsync(decompressed, Token);
            Assert.Equal(bytes, decompressed.ToArray());
            Assert.True(compressed.Content.Headers.ContentLength is null || compressed.Content.Headers.ContentLength < bytes.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OtherHostOrScheme_Is301ToTheCanonicalUrl(string provider)
    {
        var site = await sites.DemoAsync(provider);
        foreach (var host in new[] { "127.0.0.1", "localhost:8080", "www.localhost" })
        {
            using var client = site.Client();
            client.DefaultRequestHeaders.Host = host;
            foreach (var path in new[] { "/oparl/v1.1/system", "/oparl/v1.1/body/1/paper?limit=5&modified_since=2024-01-01T00%3A00%3A00%2B01%3A00" })
            {
                using var response = await client.GetAsync(path, Token);

                Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"Host {host}, {path}: {(int)response.StatusCode}");
                Assert.Equal("http://localhost" + path, response.Headers.Location?.OriginalString);
            }
        }
        using var https = site.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var secure = await https.GetAsync("/oparl/v1.1/system", Token);
        Assert.Equal(HttpStatusCode.MovedPermanently, secure.StatusCode);
        Assert.Equal(OParlSite.SystemUrl, secure.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LeadingZeros_Are301ToTheCanonicalUrl_OtherSpellingsAreNot200(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var paper = await site.PaperIdAsync("0930/2018");
        var (_, files) = await site.GetJsonAsync(Api + "/body/1/file");
        var file = ListTests.Ids(files)[0][(Api.Length + "/file/".Length)..];

        var failures = new List<string>();
        foreach (var (path, canonical) in new[]
        {
            ($"/paper/00{paper}", $"/paper/{paper}"),
            ($"/paper/00{paper}?omit_internal=true", $"/paper/{paper}?omit_internal=true"),
            ("/body/01", "/body/1"),
            ("/body/01/paper", "/body/1/paper"),
            ("/organization/01/meeting", "/organization/1/meeting"),
            ($"/file/0{file}", $"/file/{file}"),
            ($"/file/0{file}/access", $"/file/{file}/access"),
            ($"/file/0{file}/download", $"/file/{file}/download"),
        })
        {
            using var response = await client.GetAsync(Api + path, Token);
            if (response.StatusCode != HttpStatusCode.MovedPermanently || response.Headers.Location?.OriginalString != Api + canonical)
            {
                failures.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}, not 301 to {canonical}");
            }
        }
        foreach (var path in new[] { $"/Paper/{paper}", $"/paper/{paper}/", $"//paper/{paper}", "/BODY/1/paper", "/body/1/paper/", "/body/1/Paper" })
        {
            using var response = await client.GetAsync(Api + path, Token);
            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.NotFound))
            {
                failures.Add($"{path}: {(int)response.StatusCode}; a second spelling of a URL must be 301 or 404");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApiRoot_Is301ToTheSystem(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();

        using var response = await client.GetAsync(Api, Token);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(OParlSite.SystemUrl, response.Headers.Location?.OriginalString);
    }
}
