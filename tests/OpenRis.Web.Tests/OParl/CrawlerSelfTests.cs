using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// The crawler against the self-made static fixtures (shared/oparl/fixtures-selfmade), served from
/// memory: it must find every defect planted in the broken set, and stop on a next loop.
/// </summary>
public sealed class CrawlerSelfTests
{
    private const string Api = "http://127.0.0.1:8765/oparl";

    /// <summary>Serves a fixture folder: URL path below /oparl/ plus .json; file contents under /oparl/files/.</summary>
    private sealed class FixtureServer(string folder) : HttpMessageHandler
    {
        public Dictionary<string, string> Overrides { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            var path = request.RequestUri.AbsolutePath["/oparl/".Length..];
            HttpResponseMessage response;
            if (path.StartsWith("files/", StringComparison.Ordinal))
            {
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[1234]) };
                response.Content.Headers.ContentType = new("application/pdf");
                response.Content.Headers.ContentDisposition = new(path.StartsWith("files/download/", StringComparison.Ordinal) ? "attachment" : "inline") { FileName = "vorlage.pdf" };
            }
            else if (Overrides.TryGetValue(url, out var json) || File.Exists(Path.Combine(folder, path + ".json")))
            {
                json ??= File.ReadAllText(Path.Combine(folder, path + ".json"));
                response = Json(HttpStatusCode.OK, json);
            }
            else
            {
                response = Json(HttpStatusCode.NotFound, """{"type": "https://schema.oparl.org/1.1/Error", "message": "Nicht gefunden"}""");
            }
            response.Headers.Add("Access-Control-Allow-Origin", "*");
            return Task.FromResult(response);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, new UTF8Encoding(false), "application/json") };
    }

    private static async Task<OParlCrawler> CrawlAsync(FixtureServer server, CrawlOptions? options = null)
    {
        using var client = new HttpClient(server);
        var crawler = new OParlCrawler(client, new OParlRules(await OParlSchemas.GetAsync(), Api), options ?? new CrawlOptions { WebLinks = 0 });
        await crawler.CrawlAsync(Api + "/system");
        return crawler;
    }

    private static FixtureServer Fixture(string name) => new(SharedData.Path("oparl/fixtures-selfmade/" + name));

    /// <summary>What the valid fixture breaks by design: it follows OParl 1.0 habits and has none of our checklist's extras.</summary>
    private static readonly string[] ValidFixtureRules =
    [
        "checklist:body-fields", "checklist:system-fields", "spec:embedded-backreference", "spec:standalone-backreference",
    ];

    [Fact]
    public async Task ValidFixture_BreaksOnlyItsKnownRules()
    {
        var crawler = await CrawlAsync(Fixture("minimal-1.1-valid"));

        Assert.True(ValidFixtureRules.SequenceEqual(crawler.Report.Rules.Order(StringComparer.Ordinal)), crawler.Report.ToString());
        Assert.Equal(12, crawler.Objects.Values.Select(o => OParlRules.Text(o, "type")).Distinct().Count());
    }

    [Fact]
    public async Task BrokenFixture_EveryPlantedDefectIsFound()
    {
        var crawler = await CrawlAsync(Fixture("minimal-1.1-broken"));
        var report = crawler.Report;

        void Found(string rule, string fragment) =>
            Assert.True(report.Details(rule).Any(d => d.Contains(fragment, StringComparison.Ordinal)), $"{rule} should mention {fragment}:\n{report}");
        Found("spec:empty-string", "body/1 › name");
        Found("spec:empty-string", "paper/1 › reference");
        Found("spec:date-format", "\"02.01.2024\"");
        Found("spec:date-time-format", "\"2024-01-10 12:00\"");
        Found("spec:schema", "PropertyRequired #/mainFile.accessUrl");
        Found("spec:created-modified", "meeting/1 (Meeting) has no created");
        Found("spec:link-resolves", "person/999: HTTP 404");
        Found("checklist:period", "meeting/1");
        Assert.True(report.Has("checklist:system-fields") && report.Details("checklist:system-fields").Any(d => d.Contains("no license", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NextLinkLoop_IsReportedAndTheCrawlEnds()
    {
        var server = Fixture("minimal-1.1-valid");
        var page = JsonNode.Parse(File.ReadAllText(SharedData.Path("oparl/fixtures-selfmade/minimal-1.1-valid/body/1/paper.json")))!;
        page["links"]!["next"] = Api + "/body/1/paper?page=2";
        server.Overrides[Api + "/body/1/paper"] = page.ToJsonString();
        page["links"]!["next"] = Api + "/body/1/paper";
        server.Overrides[Api + "/body/1/paper?page=2"] = page.ToJsonString();

        var crawler = await CrawlAsync(server);

        Assert.Contains(crawler.Report.Details("spec:list-loop"), d => d.Contains("leads back to " + Api + "/body/1/paper", StringComparison.Ordinal));
        Assert.True(crawler.Report.Has("spec:list-duplicates"));
    }

    [Fact]
    public async Task LostFilter_IsReported()
    {
        const string Filter = "modified_since=2024-01-01T00:00:00%2B01:00";
        var server = Fixture("minimal-1.1-valid");
        var page = JsonNode.Parse(File.ReadAllText(SharedData.Path("oparl/fixtures-selfmade/minimal-1.1-valid/body/1/meeting.json")))!;
        foreach (var link in new[] { "first", "self", "last" })
        {
            page["links"]![link] = Api + "/body/1/meeting?" + Filter;
        }
        page["links"]!["next"] = Api + "/body/1/meeting?page=2";
        server.Overrides[Api + "/body/1/meeting?" + Filter] = page.ToJsonString();
        page["data"] = new JsonArray();
        page["links"]!.AsObject().Remove("next");
        server.Overrides[Api + "/body/1/meeting?page=2"] = page.ToJsonString();

        var crawler = await CrawlAsync(server, new CrawlOptions { Filter = Filter, WebLinks = 0 });

        var lost = crawler.Report.Details("spec:list-filters-kept").Where(d => d.Contains("/body/1/meeting", StringComparison.Ordinal)).ToList();
        Assert.True(lost.SequenceEqual([$"{Api}/body/1/meeting?{Filter}: links.next {Api}/body/1/meeting?page=2 does not keep the filters of {Api}/body/1/meeting?{Filter}"]), string.Join("\n", lost));
    }

    [Fact]
    public async Task ObjectsMissingFromLists_AreReported()
    {
        var server = Fixture("minimal-1.1-valid");
        const string Empty = """{"data": [], "pagination": {"elementsPerPage": 100}, "links": {"first": "URL", "self": "URL", "last": "URL"}}""";
        server.Overrides[Api + "/organization/1/meeting"] = Empty.Replace("URL", Api + "/organization/1/meeting", StringComparison.Ordinal);
        server.Overrides[Api + "/body/1/agendaItem"] = Empty.Replace("URL", Api + "/body/1/agendaItem", StringComparison.Ordinal);

        var crawler = await CrawlAsync(server);

        Assert.Contains(crawler.Report.Details("spec:organization-list"), d => d.StartsWith(Api + "/organization/1/meeting: lists 0, but 1", StringComparison.Ordinal));
        Assert.Contains(crawler.Report.Details("spec:object-not-in-list"), d => d.StartsWith(Api + "/agendaitem/1 (AgendaItem)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneSidedLinks_AreReported()
    {
        var server = Fixture("minimal-1.1-valid");
        var folder = SharedData.Path("oparl/fixtures-selfmade/minimal-1.1-valid");
        var organization = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "organization/1.json")))!.AsObject();
        organization.Remove("membership");
        server.Overrides[Api + "/organization/1"] = organization.ToJsonString();
        var page = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "body/1/organization.json")))!;
        page["data"]![0] = organization.DeepClone();
        server.Overrides[Api + "/body/1/organization"] = page.ToJsonString();

        var crawler = await CrawlAsync(server);

        Assert.Contains(crawler.Report.Details("checklist:inverse-link"), d => d.StartsWith(Api + "/membership/1 › organization", StringComparison.Ordinal));
    }
}
