using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// The real vendor responses in ../shared/data/oparl (SOURCES.md), served by a <see cref="FakeOParlServer"/>
/// under /&lt;vendor&gt;/ with their hosts rewritten to it and their defects kept. Where a sample has no
/// System, Body or list around its objects, a minimal one is built here in the vendor's manner.
/// </summary>
public static class VendorSites
{
    public sealed record Site(string SystemUrl, int Papers, int Meetings, int Organizations, int Bodies, int AgendaItems);

    private static string Data(string relative) => SharedData.Path(Path.Combine("data/oparl", relative));

    private static JsonObject Load(string file, string from, string to) =>
        JsonNode.Parse(File.ReadAllText(file).Replace(from, to, StringComparison.Ordinal))!.AsObject();

    private static List<JsonObject> LoadAll(string folder, string from, string to) =>
        Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => Load(f, from, to)).ToList();

    private static bool Deleted(JsonObject o) => o["deleted"]?.GetValue<bool>() == true;

    /// <summary>Somacos SessionNet 1.1 (Karlsruhe): papers, meetings, organizations, consultations; the System of Wuppertal (Somacos).</summary>
    public static Site Karlsruhe(FakeOParlServer server)
    {
        var root = server.Url("/karlsruhe");
        var papers = LoadAll(Data("karlsruhe-somacos/papers"), "https://web1.karlsruhe.de", root);
        var meetings = LoadAll(Data("karlsruhe-somacos/meetings"), "https://web1.karlsruhe.de", root);
        var organizations = JsonNode.Parse(File.ReadAllText(Data("karlsruhe-somacos/organizations.json")).Replace("https://web1.karlsruhe.de", root, StringComparison.Ordinal))!.AsArray().OfType<JsonObject>().ToList();
        var consultations = JsonNode.Parse(File.ReadAllText(Data("karlsruhe-somacos/consultations.json")).Replace("https://web1.karlsruhe.de", root, StringComparison.Ordinal))!.AsArray().OfType<JsonObject>().ToList();
        var system = Load(Data("mst-testdata/wuppertal-somacos-quirk/system.json"), "http://oparl.wuppertal.de", root);
        var body = Body($"{root}/oparl/bodies/0001", "Stadt Karlsruhe", "08212000");
        body["organization"] = server.List("/karlsruhe/oparl/bodies/0001/organizations", organizations);
        body["meeting"] = server.List("/karlsruhe/oparl/bodies/0001/meetings", meetings);
        body["paper"] = server.List("/karlsruhe/oparl/bodies/0001/papers", papers);
        body["consultation"] = server.List("/karlsruhe/oparl/bodies/0001/consultations", consultations);
        system["body"] = server.List("/karlsruhe/oparl/bodies", [body]);
        server.Json("/karlsruhe/oparl/system", system);
        return new Site(server.Url("/karlsruhe/oparl/system"), papers.Count(p => !Deleted(p)), meetings.Count(m => !Deleted(m)), organizations.Count, 1,
            meetings.Sum(m => (m["agendaItem"] as JsonArray)?.Count ?? 0));
    }

    /// <summary>
    /// Sternberg SD.NET RIM 1.1 (Nordstemmen): papers and meetings without top-level type, /body as
    /// one Body object, 404 for the empty person and organization lists, a 7-digit AGS.
    /// </summary>
    public static Site Nordstemmen(FakeOParlServer server)
    {
        const string origin = "https://nordstemmen.ratsinfomanagement.net";
        var root = server.Url("/nordstemmen");
        var papers = LoadAll(Data("nordstemmen-sternberg/papers"), origin, root);
        var meetings = LoadAll(Data("nordstemmen-sternberg/meetings"), origin, root);
        var system = Load(Data("mst-testdata/systems/Stadt_Krefeld.json"), "https://ris.krefeld.de/webservice/oparl/v1.0", $"{root}/webservice/oparl/v1.1");
        var api = $"{root}/webservice/oparl/v1.1";
        var body = Body($"{api}/body/1", "Gemeinde Nordstemmen", "3254028");
        body.Remove("type");
        body["meeting"] = server.List("/nordstemmen/webservice/oparl/v1.1/body/1/meeting", meetings);
        body["paper"] = server.List("/nordstemmen/webservice/oparl/v1.1/body/1/paper", papers);
        body["person"] = $"{api}/body/1/person";
        body["organization"] = $"{api}/body/1/organization";
        // Sternberg (Krefeld): /body answers with the Body itself, not a list.
        server.Json("/nordstemmen/webservice/oparl/v1.1/body", body);
        server.Json("/nordstemmen/webservice/oparl/v1.1/system", system);
        return new Site(server.Url("/nordstemmen/webservice/oparl/v1.1/system"), papers.Count, meetings.Count, 0, 1,
            meetings.Sum(m => (m["agendaItem"] as JsonArray)?.Count ?? 0));
    }

    /// <summary>ALLRIS 4 (Bonn): one real meeting list page (its next link dropped: only page 1 was kept) and a raw control character, as CC e-gov sends them.</summary>
    public static Site Bonn(FakeOParlServer server)
    {
        const string origin = "https://www.bonn.sitzung-online.de";
        var root = server.Url("/bonn");
        var page = File.ReadAllText(Data("bonn-allris4/meetings-list-page-1.json")).Replace(origin, root, StringComparison.Ordinal);
        var json = JsonNode.Parse(page)!.AsObject();
        json["links"]!.AsObject().Remove("next");
        var meetings = json["data"]!.AsArray().Count;
        // CC e-gov sends raw control characters inside strings (oparl-notes §10 #9): a tab in the first name.
        var text = json.ToJsonString();
        text = text.Insert(text.IndexOf("\"name\":\"", StringComparison.Ordinal) + 15, "\t");
        server.Json("/bonn/public/oparl/meetings", text);
        var api = $"{root}/public/oparl";
        var body = Body($"{api}/bodies?id=1", "Bundesstadt Bonn", "05314000");
        body["meeting"] = $"{api}/meetings";
        server.List("/bonn/public/oparl/bodies", [body]);
        server.Json("/bonn/public/oparl/system", new JsonObject
        {
            ["id"] = $"{api}/system",
            ["type"] = "https://schema.oparl.org/1.1/System",
            ["oparlVersion"] = "https://schema.oparl.org/1.1/",
            ["body"] = $"{api}/bodies",
            ["name"] = "N/A",
            ["vendor"] = "https://www.cc-egov.de",
            ["product"] = "https://www.cc-egov.de/allris-4",
        });
        return new Site(server.Url("/bonn/public/oparl/system"), 0, meetings, 0, 1, 0);
    }

    /// <summary>The 18 System+Body pairs of meine-stadt-transparent (Sternberg and ALLRIS, OParl 1.0), each a System of its own; their lists are empty (404).</summary>
    public static List<Site> MstBodies(FakeOParlServer server)
    {
        var sites = new List<Site>();
        foreach (var systemFile in Directory.EnumerateFiles(Data("mst-testdata/systems"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(systemFile);
            var system = JsonNode.Parse(File.ReadAllText(systemFile))!.AsObject();
            var body = JsonNode.Parse(File.ReadAllText(Data($"mst-testdata/bodies/{name}.json")))!.AsObject();
            var origin = new Uri(system["id"]!.GetValue<string>()).GetLeftPart(UriPartial.Authority);
            var root = server.Url($"/mst/{name}");
            system = JsonNode.Parse(system.ToJsonString().Replace(origin, root, StringComparison.Ordinal))!.AsObject();
            body = JsonNode.Parse(body.ToJsonString().Replace(origin, root, StringComparison.Ordinal).Replace(new Uri(body["id"]!.GetValue<string>()).GetLeftPart(UriPartial.Authority), root, StringComparison.Ordinal))!.AsObject();
            var bodies = system["body"]!.GetValue<string>();
            server.List(bodies[server.BaseUrl.Length..], [body]);
            var systemUrl = system["id"]!.GetValue<string>();
            server.Json(systemUrl[server.BaseUrl.Length..], system);
            sites.Add(new Site(systemUrl, 0, 0, 0, 1, 0));
        }
        return sites;
    }

    private static JsonObject Body(string id, string name, string ags) => new()
    {
        ["id"] = id,
        ["type"] = "https://schema.oparl.org/1.1/Body",
        ["name"] = name,
        ["ags"] = ags,
        ["created"] = "2016-10-12T09:08:36+02:00",
        ["modified"] = "2025-03-03T14:30:18+01:00",
    };
}
