using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// A conformance crawler for an OParl 1.1 API (oparl-notes §9.4 item 3): System → System.body →
/// the ten lists of every Body → Organization.meeting/consultation of every Organization, every
/// page by next (with loop detection), back by prev from last, every listed object again by its
/// id, every embedded object at its id with its back-reference, every linked URL, every file's
/// bytes and every web link. Each answer is checked on the way (headers, schema, rules); the
/// cross-checks run at the end. Failures go to <see cref="Report"/>, grouped by rule.
/// </summary>
public sealed partial class OParlCrawler(HttpClient client, OParlRules rules, CrawlOptions? options = null)
{
    private const int MaxPages = 20_000;

    /// <summary>The external lists of an Organization and what they hold.</summary>
    public static readonly (string Property, string Type)[] OrganizationLists = [("meeting", "Meeting"), ("consultation", "Consultation")];

    private readonly Dictionary<string, JsonObject?> _fetched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _listed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _listTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bodyLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkedFrom = new(StringComparer.Ordinal);
    private readonly List<EmbeddedObject> _embedded = [];
    private readonly HashSet<string> _web = new(StringComparer.Ordinal);
    private readonly List<string> _bodies = [];

    public CrawlOptions Options { get; } = options ?? new CrawlOptions();

    public ConformanceReport Report { get; } = new();

    public string ApiBase => rules.ApiBase;

    /// <summary>Every list walked (URL without query) with the ids in list order.</summary>
    public IReadOnlyDictionary<string, List<string>> Lists => _lists;

    /// <summary>Every object seen standalone (as list data or fetched alone), by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Objects =>
        _fetched.Where(f => f.Value is not null).Select(f => (f.Key, Value: f.Value!))
            .Concat(_listed.Where(l => !_fetched.ContainsKey(l.Key)).Select(l => (l.Key, l.Value)))
            .Where(p => OParlSchemas.TypeName(OParlRules.Text(p.Value, "type")) is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public IReadOnlyList<string> Bodies => _bodies;

    public int Requests { get; private set; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async Task<ConformanceReport> CrawlAsync(string systemUrl)
    {
        var system = await FetchObjectAsync(systemUrl, "System");
        if (system is null || OParlRules.Text(system, "body") is not { } bodyList)
        {
            Report.Fail("spec:system", $"{systemUrl}: no System with a body list");
            return Report;
        }
        _bodyLists.Add(bodyList);
        var bodies = (await WalkListAsync(bodyList, "Body")).ToList();
        if (bodies.Count == 0 && !string.IsNullOrEmpty(Options.Filter))
        {
            // The filter left out the bodies themselves (nothing changed there): their lists are reached as a syncing client does, unfiltered.
            foreach (var body in Data(await GetJsonAsync(bodyList + "?limit=1000", "spec:list-page")))
            {
                _fetched[OParlRules.Describe(body)] = body;
                bodies.Add(OParlRules.Describe(body));
            }
        }
        foreach (var bodyId in bodies)
        {
            var body = _listed.GetValueOrDefault(bodyId) ?? _fetched[bodyId]!;
            foreach (var list in OParlRules.BodyLists)
            {
                if (OParlRules.Text(body, list) is { } url)
                {
                    _bodyLists.Add(url);
                    await WalkListAsync(url, OParlRules.BodyListType(list), bodyId);
                }
            }
            foreach (var organizationId in BodyListIds(body, "organization"))
            {
                var organization = _listed[organizationId];
                foreach (var (property, type) in OrganizationLists)
                {
                    if (OParlRules.Text(organization, property) is { } url)
                    {
                        await WalkListAsync(url, type, bodyId);
                    }
                }
            }
        }
        if (!Options.ListsOnly)
        {
            await CrossCheckAsync();
        }
        return Report;
    }

    /// <summary>The objects of a list page (none if there is no page).</summary>
    public static List<JsonObject> Data(JsonObject? page) => page?["data"] is JsonArray data ? data.OfType<JsonObject>().ToList() : [];

    /// <summary>The ids of one of a Body's lists, as walked.</summary>
    public List<string> BodyListIds(JsonObject body, string list) =>
        OParlRules.Text(body, list) is { } url && _lists.TryGetValue(url, out var ids) ? ids : [];

    /// <summary>GET with the checks every OParl answer gets: no cookie; for JSON: CORS, Content-Type, no BOM, parseable.</summary>
    public async Task<OParlResponse> GetAsync(string url)
    {
        var message = await client.GetAsync(url, Token);
        var body = await message.Content.ReadAsByteArrayAsync(Token);
        Requests++;
        var response = new OParlResponse(url, message.StatusCode, message, body);
        if (message.Headers.Contains("Set-Cookie"))
        {
            Report.Fail("spec:no-cookies", $"{url}: sets a cookie");
        }
        var mediaType = message.Content.Headers.ContentType?.MediaType;
        if (mediaType == "application/json")
        {
            if (response.Header("Access-Control-Allow-Origin") != "*")
            {
                Report.Fail("spec:cors", $"{url}: {(int)message.StatusCode} without Access-Control-Allow-Origin: *");
            }
            if (message.Content.Headers.ContentType!.ToString() != "application/json; charset=utf-8")
            {
                Report.Fail("checklist:content-type", $"{url}: Content-Type {message.Content.Headers.ContentType}");
            }
            if (body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                Report.Fail("spec:bom", $"{url}: UTF-8 with BOM");
            }
            if (Options.KeepBodies)
            {
                _bodies.Add(response.Text);
            }
        }
        return response;
    }

    /// <summary>GET of a JSON document: 200 and parseable, and never an Error object with 200.</summary>
    public async Task<JsonObject?> GetJsonAsync(string url, string rule)
    {
        var response = await GetAsync(url);
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(response.Body) as JsonObject;
        }
        catch (JsonException e)
        {
            Report.Fail("spec:json", $"{url}: not JSON ({e.Message})");
        }
        if (response.Status != HttpStatusCode.OK)
        {
            var error = json is not null && OParlRules.Text(json, "type") == OParlSchemas.Namespace + "Error" ? $" ({OParlRules.Text(json, "message")})" : "";
            var from = _linkedFrom.TryGetValue(url, out var source) ? $", linked from {source}" : "";
            Report.Fail(rule, $"{url}: HTTP {(int)response.Status}{error}{from}");
            return null;
        }
        if (response.Message.Content.Headers.ContentType?.MediaType != "application/json")
        {
            Report.Fail("checklist:content-type", $"{url}: Content-Type {response.Message.Content.Headers.ContentType} for JSON");
        }
        if (json is not null && OParlRules.Text(json, "type") == OParlSchemas.Namespace + "Error")
        {
            Report.Fail("spec:error-status", $"{url}: an Error object with HTTP 200");
            return null;
        }
        return json;
    }

    /// <summary>An object at its URL: id equal to the URL, checked once (unless it equals its list version), cached.</summary>
    public async Task<JsonObject?> FetchObjectAsync(string url, string? expectedType = null)
    {
        if (_fetched.TryGetValue(url, out var cached))
        {
            return cached;
        }
        var json = await GetJsonAsync(url, "spec:link-resolves");
        _fetched[url] = json;
        if (json is not null && json.ContainsKey("data") && !json.ContainsKey("type"))
        {
            // A link to a list page only has to resolve.
            _fetched[url] = null;
            return null;
        }
        if (json is null || OParlSchemas.TypeName(OParlRules.Text(json, "type")) is null)
        {
            if (json is not null)
            {
                Report.Fail("spec:type", $"{url}: answers with JSON that is no OParl object");
            }
            return json;
        }
        if (OParlRules.Text(json, "id") != url)
        {
            Report.Fail("spec:id-equals-url", $"{url}: fetched object has id {json["id"]?.ToJsonString(OParlRules.Readable)}");
        }
        if (_listed.TryGetValue(url, out var listed) && JsonNode.DeepEquals(listed, json))
        {
            return json;
        }
        if (listed is not null && !Options.OmitsInternal)
        {
            Report.Fail("checklist:list-data-equals-object", $"{url}: the object differs from its list version");
        }
        Collect(json, rules.CheckStandalone(json, expectedType, Report, tombstoneAllowed: true, omitInternal: false));
        return json;
    }

    /// <summary>Remembers what a checked standalone object embeds and its web links, for the cross-checks.</summary>
    private void Collect(JsonObject node, List<EmbeddedObject> embedded)
    {
        _embedded.AddRange(embedded);
        _web.UnionWith(Strings(node).Where(s => s.Name == "web").Select(s => s.Value));
    }

    /// <summary>Every string property value (and array element) in an object and everything it embeds, GeoJSON aside.</summary>
    private static IEnumerable<(string Name, string Value)> Strings(JsonNode? node, string name = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.Where(p => p.Key != "geojson"))
                {
                    foreach (var found in Strings(value, key))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray a:
                foreach (var found in a.SelectMany(item => Strings(item, name)))
                {
                    yield return found;
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                yield return (name, v.GetValue<string>());
                break;
        }
    }
}
