using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

public sealed partial class OParlCrawler
{
    private static readonly string[] FileContentProperties = ["accessUrl", "downloadUrl"];

    /// <summary>The checks that need the whole crawl: objects by id, embedded objects, links, lists against reachability, files, web.</summary>
    private async Task CrossCheckAsync()
    {
        foreach (var id in _listed.Keys.ToList())
        {
            await FetchObjectAsync(id);
        }
        await CheckEmbeddedAsync();
        await CheckLinksAsync();
        await CheckBackReferencesAsync();
        CheckInverseLinks();
        if (Options.Complete)
        {
            CheckEverythingIsListed();
            CheckOrganizationLists();
        }
        if (Options.FileContents)
        {
            await CheckFilesAsync();
        }
        await CheckWebAsync();
    }

    /// <summary>Every embedded object exists at its id, names its parent there, and says there what it says embedded.</summary>
    private async Task CheckEmbeddedAsync()
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < _embedded.Count; i++)
        {
            var e = _embedded[i];
            if (OParlRules.Text(e.Node, "id") is not { } id || !seen.Add((e.ParentId, id)))
            {
                continue;
            }
            var alone = await FetchObjectAsync(id, e.Type);
            if (alone is null)
            {
                Report.Fail("spec:embedded-fetchable", $"{id}, embedded in {e.ParentId} › {e.Property}, cannot be fetched at its id");
                continue;
            }
            if (OParlRules.IsTombstone(alone))
            {
                Report.Fail("spec:embedded-deleted", $"{id} is deleted but still embedded in {e.ParentId} › {e.Property}");
                continue;
            }
            if (OParlRules.BackReference(e.Type, e.ParentType) is var (property, isArray) && !Names(alone[property], e.ParentId, isArray))
            {
                Report.Fail("spec:standalone-backreference", $"{id} is embedded in {e.ParentId} › {e.Property}, but alone its {property} is {alone[property]?.ToJsonString(OParlRules.Readable) ?? "missing"}");
            }
            // The same object in two places: only the back-references (and the long File.text) are for standalone use.
            var aloneOnly = OParlRules.BackReferences.GetValueOrDefault(e.Type, []).Append(e.Type == "File" ? "text" : "").ToHashSet();
            foreach (var name in e.Node.Select(p => p.Key).Union(alone.Select(p => p.Key).Where(k => !aloneOnly.Contains(k))))
            {
                if (!JsonNode.DeepEquals(e.Node[name], alone[name]))
                {
                    Report.Fail("checklist:embedded-equals-standalone", $"{id} › {name} embedded in {e.ParentId} is {Short(e.Node[name])}, alone {Short(alone[name])}");
                }
            }
        }
    }

    private static bool Names(JsonNode? value, string url, bool isArray) =>
        isArray ? value is JsonArray a && a.Any(v => v?.ToString() == url) : value is JsonValue v && v.ToString() == url;

    /// <summary>Every URL of this API that an object mentions answers 200 (an Error object 404 is a broken link), and no live object links a tombstone.</summary>
    private async Task CheckLinksAsync()
    {
        var objects = Objects;
        var checkedObjects = 0;
        while (checkedObjects < objects.Count)
        {
            // Fetching a link target may bring new objects with new links: repeat until nothing new comes.
            checkedObjects = objects.Count;
            foreach (var (from, property, to) in Edges(objects.Values).Where(e => !_fetched.ContainsKey(e.To)).DistinctBy(e => e.To).ToList())
            {
                _linkedFrom[to] = $"{from} › {property}";
                await FetchObjectAsync(to);
            }
            objects = Objects;
        }
        foreach (var (from, property, to) in Edges(objects.Values))
        {
            if (!OParlRules.IsTombstone(objects[from]) && _fetched.GetValueOrDefault(to) is { } target && OParlRules.IsTombstone(target))
            {
                Report.Fail("checklist:link-to-deleted", $"{from} › {property} links {to}, which is deleted");
            }
        }
    }

    private IEnumerable<(string From, string Property, string To)> Edges(IEnumerable<JsonObject> objects) =>
        objects.SelectMany(o => Strings(o).Where(s => IsLink(s.Name, s.Value)).Select(s => (From: OParlRules.Describe(o), Property: s.Name, To: s.Value)));

    private bool IsLink(string name, string value) =>
        value.StartsWith(ApiBase + "/", StringComparison.Ordinal) && name != "id" && !FileContentProperties.Contains(name) && !_lists.ContainsKey(value);

    /// <summary>A back-reference names a parent that really embeds the object (the other half of the embedding rule).</summary>
    private async Task CheckBackReferencesAsync()
    {
        if (Options.OmitsInternal)
        {
            return;
        }
        var standalone = Objects.Values.Where(o => !OParlRules.IsTombstone(o)).ToList();
        var claims = new List<(string Child, string Property, string Parent)>();
        foreach (var o in standalone)
        {
            var type = OParlSchemas.TypeName(OParlRules.Text(o, "type"));
            if (type is null || !OParlRules.BackReferences.TryGetValue(type, out var properties))
            {
                continue;
            }
            foreach (var property in properties.Where(o.ContainsKey))
            {
                var parents = o[property] is JsonArray a ? a.Select(p => p?.ToString()) : [o[property]?.ToString()];
                claims.AddRange(parents.Where(p => p is not null).Select(p => (OParlRules.Describe(o), property, p!)));
            }
        }
        foreach (var parent in claims.Select(c => c.Parent).Distinct())
        {
            await FetchObjectAsync(parent);
        }
        var embedded = _embedded.Select(e => (Child: OParlRules.Text(e.Node, "id"), e.ParentId)).ToHashSet();
        foreach (var (child, property, parent) in claims.Where(c => !embedded.Contains((c.Child, c.Parent))))
        {
            if (_fetched.GetValueOrDefault(parent) is { } p && !OParlRules.IsTombstone(p))
            {
                Report.Fail("spec:backreference-embedded", $"{child} › {property} names {parent}, which does not embed it");
            }
        }
    }

    /// <summary>Unfiltered, every object of a Body list type that the crawl reached is in that list of its Body (and nowhere else).</summary>
    private void CheckEverythingIsListed()
    {
        var listed = _listTypes.Where(l => _bodyLists.Contains(l.Key))
            .SelectMany(l => _lists[l.Key].Select(id => (Type: l.Value, Id: id))).ToHashSet();
        var reached = Objects.Values.Concat(_embedded.Select(e => e.Node))
            .Select(o => (Type: OParlSchemas.TypeName(OParlRules.Text(o, "type")), Id: OParlRules.Text(o, "id"), Deleted: OParlRules.IsTombstone(o)))
            .Where(o => o.Type is not null and not "System" && o.Id is not null && !o.Deleted).Distinct();
        foreach (var (type, id, _) in reached.Where(o => !listed.Contains((o.Type!, o.Id!))))
        {
            Report.Fail("spec:object-not-in-list", $"{id} ({type}) is reachable but not in the {type} list of its body");
        }
    }

    /// <summary>Organization.meeting and .consultation list exactly the meetings and consultations that name the organization.</summary>
    private void CheckOrganizationLists()
    {
        var organizations = _listTypes.Where(l => _bodyLists.Contains(l.Key) && l.Value == "Organization").SelectMany(l => _lists[l.Key]).Distinct();
        foreach (var organization in organizations.Select(id => _listed[id]))
        {
            var id = OParlRules.Describe(organization);
            foreach (var (property, type) in OrganizationLists)
            {
                if (OParlRules.Text(organization, property) is not { } url || !_lists.TryGetValue(url, out var inList))
                {
                    continue;
                }
                var naming = _listTypes.Where(l => _bodyLists.Contains(l.Key) && l.Value == type).SelectMany(l => _lists[l.Key])
                    .Where(m => _listed[m]["organization"] is JsonArray a && a.Any(o => o?.ToString() == id)).ToHashSet();
                if (!naming.SetEquals(inList))
                {
                    Report.Fail("spec:organization-list", $"{url}: lists {inList.Count}, but {naming.Count} {type}s name {id} (missing {string.Join(", ", naming.Except(inList).Take(3))}; extra {string.Join(", ", inList.Except(naming).Take(3))})");
                }
            }
        }
    }

    /// <summary>accessUrl shows the bytes inline, downloadUrl as an attachment with the file name; size and SHA-512 are those of the bytes.</summary>
    private async Task CheckFilesAsync()
    {
        var files = Objects.Values.Concat(_embedded.Select(e => e.Node))
            .Where(o => OParlRules.Text(o, "type") == OParlSchemas.Namespace + "File" && !OParlRules.IsTombstone(o))
            .DistinctBy(o => OParlRules.Text(o, "id")).Take(Options.MaxFiles).ToList();
        foreach (var file in files)
        {
            var id = OParlRules.Describe(file);
            foreach (var property in FileContentProperties)
            {
                if (OParlRules.Text(file, property) is not { } url)
                {
                    continue;
                }
                var response = await GetAsync(url);
                if (response.Status != HttpStatusCode.OK)
                {
                    Report.Fail("spec:file-content", $"{id} › {property} {url}: HTTP {(int)response.Status}");
                    continue;
                }
                var disposition = response.Message.Content.Headers.ContentDisposition;
                var attachment = disposition?.DispositionType == "attachment";
                if (property == "accessUrl" && attachment)
                {
                    Report.Fail("spec:file-access-inline", $"{url}: accessUrl sends Content-Disposition: {disposition}");
                }
                if (property == "downloadUrl" && (!attachment || (disposition!.FileNameStar ?? disposition.FileName?.Trim('"')) != OParlRules.Text(file, "fileName")))
                {
                    Report.Fail("spec:file-download-attachment", $"{url}: downloadUrl sends Content-Disposition: {disposition?.ToString() ?? "none"}, file name {OParlRules.Text(file, "fileName")}");
                }
                if (file["size"] is JsonValue size && size.GetValueKind() == JsonValueKind.Number && size.GetValue<long>() != response.Body.Length)
                {
                    Report.Fail("spec:file-size", $"{url}: {response.Body.Length} bytes, size says {size}");
                }
                if (OParlRules.Text(file, "sha512Checksum") is { } sha512 && sha512 != Convert.ToHexStringLower(SHA512.HashData(response.Body)))
                {
                    Report.Fail("spec:file-sha512", $"{url}: the bytes do not have the sha512Checksum of {id}");
                }
                if (OParlRules.Text(file, "mimeType") is { } mime && response.Message.Content.Headers.ContentType?.MediaType != mime)
                {
                    Report.Fail("checklist:file-mime", $"{url}: Content-Type {response.Message.Content.Headers.ContentType}, mimeType {mime}");
                }
            }
        }
    }

    /// <summary>web links lead to an HTML page of the portal.</summary>
    private async Task CheckWebAsync()
    {
        foreach (var url in _web.Take(Options.WebLinks))
        {
            using var response = await client.GetAsync(url, Token);
            Requests++;
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                Report.Fail("checklist:web-link", $"{url}: HTTP {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }
    }

    private static string Short(JsonNode? node) => node is null ? "missing" : node.ToJsonString(OParlRules.Readable) is var s && s.Length > 100 ? s[..100] + "…" : s;
}
