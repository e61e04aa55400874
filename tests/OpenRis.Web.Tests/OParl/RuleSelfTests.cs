using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// The checks themselves can fail: each rule is shown one object that breaks it (and a clean
/// object that breaks none), and the schemas reject the official example that lacks a required field.
/// </summary>
public sealed class RuleSelfTests
{
    private const string Api = "http://localhost/oparl/v1.1";
    private const string Stamps = "\"created\": \"2024-01-10T12:00:00+01:00\", \"modified\": \"2024-01-10T12:00:00+01:00\"";

    private const string Meeting = $$"""
        {
          "id": "{{Api}}/meeting/1", "type": "https://schema.oparl.org/1.1/Meeting", "name": "Sitzung des Rates",
          "start": "2024-01-15T17:00:00+01:00", "end": "2024-01-15T20:00:00+01:00",
          "location": {
            "id": "{{Api}}/location/1", "type": "https://schema.oparl.org/1.1/Location", "description": "Rathaus",
            "geojson": { "type": "Feature", "geometry": { "type": "Point", "coordinates": [7.4731, 51.3594] }, "properties": {} },
            {{Stamps}}
          },
          "organization": ["{{Api}}/organization/1"],
          "agendaItem": [
            {
              "id": "{{Api}}/agendaItem/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "1", "order": 0, "name": "Eröffnung", "public": true,
              "resolutionFile": {
                "id": "{{Api}}/file/1", "type": "https://schema.oparl.org/1.1/File", "name": "Beschluss", "date": "2024-01-15",
                "accessUrl": "{{Api}}/file/1/access", {{Stamps}}
              },
              {{Stamps}}
            },
            { "id": "{{Api}}/agendaItem/2", "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "2", "order": 1, "name": "Anfragen", {{Stamps}} }
          ],
          "license": "https://creativecommons.org/licenses/by/4.0/", "keyword": ["Rat"], "web": "http://localhost/sitzungen/1",
          {{Stamps}}
        }
        """;

    private const string Body = $$"""
        {
          "id": "{{Api}}/body/1", "type": "https://schema.oparl.org/1.1/Body", "system": "{{Api}}/system", "name": "Stadt Hagen",
          "ags": "05914000", "rgs": "059140000000", "license": "https://creativecommons.org/licenses/by/4.0/", "oparlSince": "2024-01-10T12:00:00+01:00",
          "organization": "{{Api}}/body/1/organization", "person": "{{Api}}/body/1/person", "meeting": "{{Api}}/body/1/meeting",
          "paper": "{{Api}}/body/1/paper", "agendaItem": "{{Api}}/body/1/agendaItem", "consultation": "{{Api}}/body/1/consultation",
          "file": "{{Api}}/body/1/file", "locationList": "{{Api}}/body/1/locationList", "legislativeTermList": "{{Api}}/body/1/legislativeTermList",
          "membership": "{{Api}}/body/1/membership", "legislativeTerm": [], "web": "http://localhost/",
          {{Stamps}}
        }
        """;

    private static async Task<ConformanceReport> CheckAsync(string json, string? path, string? value, bool tombstoneAllowed = false)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (path is not null)
        {
            Set(node, path, value);
        }
        var report = new ConformanceReport();
        new OParlRules(await OParlSchemas.GetAsync(), Api).CheckStandalone(node, null, report, tombstoneAllowed);
        return report;
    }

    /// <summary>Sets (or with "REMOVE" deletes) the value at a path like agendaItem[0].resolutionFile.date.</summary>
    private static void Set(JsonObject root, string path, string? value)
    {
        JsonNode parent = root;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }
        var last = steps[^1];
        var newValue = value is null or "REMOVE" ? null : JsonNode.Parse(value);
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = newValue;
        }
        else if (value == "REMOVE")
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = newValue;
        }
    }

    [Fact]
    public async Task CleanObjects_BreakNoRule()
    {
        (await CheckAsync(Meeting, null, null)).AssertClean("the clean meeting");
        (await CheckAsync(Body, null, null)).AssertClean("the clean body (legislativeTerm: [] is allowed)");
        (await CheckAsync(Meeting, "beispiel:fax", "\"0231 1234\"")).AssertClean("a vendor extension");
    }

    [Theory]
    [InlineData("created", "REMOVE", "spec:created-modified")]
    [InlineData("agendaItem[0].modified", "REMOVE", "spec:created-modified")]
    [InlineData("agendaItem[0].resolutionFile.created", "REMOVE", "spec:created-modified")]
    [InlineData("location.type", "REMOVE", "spec:type")]
    [InlineData("type", "\"https://schema.oparl.org/1.0/Meeting\"", "spec:type")]
    [InlineData("agendaItem[1].type", "\"https://schema.oparl.org/1.1/Paper\"", "spec:type-mismatch")]
    [InlineData("id", "\"https://example.org/meeting/1\"", "spec:id")]
    [InlineData("modified", "\"2024-01-10T12:00:00Z\"", "spec:date-time-format")]
    [InlineData("modified", "\"2024-01-10T12:00:00.123+01:00\"", "spec:date-time-format")]
    [InlineData("start", "\"2024-01-15 17:00\"", "spec:date-time-format")]
    [InlineData("location.modified", "\"2024-02-30T12:00:00+01:00\"", "spec:date-time-format")]
    [InlineData("agendaItem[0].resolutionFile.date", "\"15.01.2024\"", "spec:date-format")]
    [InlineData("created", "\"2024-01-11T12:00:00+01:00\"", "spec:created-after-modified")]
    [InlineData("end", "\"2024-01-15T16:00:00+01:00\"", "checklist:period")]
    [InlineData("name", "\"\"", "spec:empty-string")]
    [InlineData("agendaItem[0].number", "\" \"", "spec:empty-string")]
    [InlineData("keyword", "[\"\"]", "spec:empty-string")]
    [InlineData("name", "\"N/A\"", "checklist:placeholder-or-padding")]
    [InlineData("name", "null", "spec:null")]
    [InlineData("organization", "[]", "spec:empty-array")]
    [InlineData("organisation", "[]", "spec:unknown-property")]
    [InlineData("agendaItem[1].order", "2", "spec:agenda-order")]
    [InlineData("agendaItem[0].order", "1", "spec:agenda-order")]
    [InlineData("agendaItem[0].order", "\"0\"", "spec:schema")]
    [InlineData("agendaItem[0].resolutionFile.accessUrl", "REMOVE", "spec:schema")]
    [InlineData("agendaItem[0].meeting", $"\"{Api}/meeting/1\"", "spec:embedded-backreference")]
    [InlineData("agendaItem[0].resolutionFile.agendaItem", $"[\"{Api}/agendaItem/1\"]", "spec:embedded-backreference")]
    [InlineData("location.meetings", $"[\"{Api}/meeting/1\"]", "spec:embedded-backreference")]
    [InlineData("agendaItem[1].deleted", "true", "spec:embedded-deleted")]
    [InlineData("agendaItem[1]", $"\"{Api}/agendaItem/2\"", "spec:embedded-shape")]
    [InlineData("location.geojson.geometry.coordinates", "[51.3594, 7.4731]", "checklist:geojson-lon-lat")]
    [InlineData("location.geojson.geometry.coordinates", "[\"7.4731\", \"51.3594\"]", "spec:geojson")]
    [InlineData("location.geojson", "{\"type\": \"Point\", \"coordinates\": [7.4731, 51.3594]}", "spec:geojson")]
    [InlineData("license", "\"Datenlizenz Deutschland Namensnennung 2.0\"", "spec:license-url")]
    [InlineData("web", "\"www.hagen.de/sitzung\"", "spec:url-format")]
    [InlineData("deleted", "true", "spec:tombstone-without-modified_since")]
    public async Task Meeting_WithOneDefect_BreaksThatRule(string path, string value, string rule)
    {
        var report = await CheckAsync(Meeting, path, value);

        Assert.True(report.Has(rule), $"{path} = {value} should break {rule}; got:\n{report}");
    }

    [Theory]
    [InlineData("ags", "\"5914000\"", "spec:ags")]
    [InlineData("rgs", "\"05914\"", "spec:rgs")]
    [InlineData("paper", "REMOVE", "spec:body-lists")]
    [InlineData("oparlSince", "REMOVE", "checklist:body-fields")]
    [InlineData("legislativeTerm", "REMOVE", "spec:schema")]
    public async Task Body_WithOneDefect_BreaksThatRule(string path, string value, string rule)
    {
        var report = await CheckAsync(Body, path, value);

        Assert.True(report.Has(rule), $"{path} = {value} should break {rule}; got:\n{report}");
    }

    [Fact]
    public async Task StandaloneAndTombstone_Rules()
    {
        var person = $$"""
            { "id": "{{Api}}/person/1", "type": "https://schema.oparl.org/1.1/Person", "name": "Erik O. Schulz", "location": "{{Api}}/location/2",
              "locationObject": { "id": "{{Api}}/location/1", "type": "https://schema.oparl.org/1.1/Location", "description": "Rathaus", {{Stamps}} }, {{Stamps}} }
            """;
        Assert.True((await CheckAsync(person, null, null)).Has("spec:person-location"));
        (await CheckAsync(person, "location", $"\"{Api}/location/1\"")).AssertClean("a person whose location and locationObject agree");

        var item = $$"""{ "id": "{{Api}}/agendaItem/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "order": 0, {{Stamps}} }""";
        Assert.True((await CheckAsync(item, null, null)).Has("spec:standalone-backreference"));
        (await CheckAsync(item, "meeting", $"\"{Api}/meeting/1\"")).AssertClean("an agenda item with its meeting");

        var tombstone = $$"""{ "id": "{{Api}}/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "deleted": true, {{Stamps}} }""";
        (await CheckAsync(tombstone, null, null, tombstoneAllowed: true)).AssertClean("a tombstone under modified_since");
        Assert.True((await CheckAsync(tombstone, "name", "\"Verkauf einer Teilfläche\"", tombstoneAllowed: true)).Has("checklist:tombstone-content"));
        Assert.True((await CheckAsync(tombstone, "created", "REMOVE", tombstoneAllowed: true)).Has("spec:created-modified"));
    }

    [Fact]
    public async Task Schemas_AcceptTheOfficialExamples_ExceptMeeting01WithoutOrder()
    {
        var schemas = await OParlSchemas.GetAsync();
        var folder = SharedData.Path("oparl/examples/1.1-draft07-unreleased");
        var results = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToDictionary(
            f => Path.GetFileName(f),
            f => schemas.Validate(Path.GetFileName(f).Split('-')[0], JsonNode.Parse(File.ReadAllText(f))!));

        Assert.Equal(8, results.Count);
        Assert.Equal(["PropertyRequired #/agendaItem[0].order"], results["Meeting-01.json"]);
        Assert.All(results.Where(r => r.Key != "Meeting-01.json"), r => Assert.Empty(r.Value));
        Assert.Equal("AgendaItem", schemas.EmbeddedType("Meeting", "agendaItem"));
        Assert.Equal("File", schemas.EmbeddedType("AgendaItem", "resolutionFile"));
        Assert.Null(schemas.EmbeddedType("Body", "organization"));
        Assert.Equal("date-time", schemas.Format("Meeting", "start"));
        Assert.Equal("url", schemas.Format("Paper", "relatedPaper"));
    }
}
