using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenRis.Web.Tests.OParl;

/// <summary>An object found embedded in another (Meeting.agendaItem[2], Paper.mainFile …).</summary>
public sealed record EmbeddedObject(string ParentId, string ParentType, string Property, string Type, JsonObject Node);

/// <summary>
/// The OParl 1.1 rules for one object that no schema expresses (oparl-notes §4, §6, §9.4, §13):
/// id/type/created/modified everywhere, embedded objects included; strict date formats; no null,
/// "", blank or [] values; URLs where URLs belong; ags, GeoJSON, agenda order, back-references
/// only when standalone; tombstones that tell nothing but id/type/created/modified. Rule names
/// start with "spec:" (the OParl text) or "checklist:" (our own targets, oparl-notes §13).
/// </summary>
public sealed partial class OParlRules(OParlSchemas schemas, string apiBase)
{
    /// <summary>Properties an object carries only when fetched alone (OParl 1.1 §2.5): the way back to what embeds it.</summary>
    public static readonly Dictionary<string, string[]> BackReferences = new()
    {
        ["AgendaItem"] = ["meeting"],
        ["Consultation"] = ["paper"],
        ["Membership"] = ["person"],
        ["LegislativeTerm"] = ["body"],
        ["File"] = ["meeting", "agendaItem", "paper", "person"],
        ["Location"] = ["bodies", "organizations", "persons", "meetings", "papers"],
    };

    /// <summary>The back-reference a standalone child must carry to a parent that embeds it, and whether it is an array.</summary>
    public static (string Property, bool IsArray)? BackReference(string childType, string parentType) => (childType, parentType) switch
    {
        ("AgendaItem", "Meeting") => ("meeting", false),
        ("Consultation", "Paper") => ("paper", false),
        ("Membership", "Person") => ("person", false),
        ("LegislativeTerm", "Body") => ("body", false),
        ("File", "Meeting") => ("meeting", true),
        ("File", "AgendaItem") => ("agendaItem", true),
        ("File", "Paper") => ("paper", true),
        ("File", "Person") => ("person", false),
        ("Location", "Body") => ("bodies", true),
        ("Location", "Organization") => ("organizations", true),
        ("Location", "Person") => ("persons", true),
        ("Location", "Meeting") => ("meetings", true),
        ("Location", "Paper") => ("papers", true),
        _ => null,
    };

    private static readonly string[] TombstoneProperties = ["id", "type", "created", "modified", "deleted"];
    private static readonly string[] Stamps = ["created", "modified"];
    private static readonly string[] LicenseProperties = ["license", "fileLicense"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex AgsPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex RgsPattern();

    public string ApiBase { get; } = apiBase.TrimEnd('/');

    /// <summary>
    /// Checks a standalone object (fetched alone, or as an element of a list page) and, through it,
    /// every object it embeds. Returns the embedded objects, for the crawler to fetch at their ids.
    /// </summary>
    public List<EmbeddedObject> CheckStandalone(JsonObject node, string? expectedType, ConformanceReport report, bool tombstoneAllowed, bool omitInternal = false)
    {
        var embedded = new List<EmbeddedObject>();
        var type = CheckObject(node, expectedType, report, embedded, Describe(node), embeddedIn: null);
        if (type is null)
        {
            return embedded;
        }
        if (IsTombstone(node))
        {
            if (!tombstoneAllowed)
            {
                report.Fail("spec:tombstone-without-modified_since", $"{Describe(node)} is deleted but listed/served where tombstones must not appear");
            }
            return embedded;
        }
        // omit_internal=true leaves out Body.legislativeTerm, the one embedded array the schema requires.
        foreach (var error in schemas.Validate(type, node).Where(e => !(omitInternal && e == "PropertyRequired #/legislativeTerm")))
        {
            report.Fail("spec:schema", $"{Describe(node)}: {error}");
        }
        if (BackReferences.TryGetValue(type, out var backReferences))
        {
            var required = type is "File" or "Location" ? backReferences.Any(node.ContainsKey) : node.ContainsKey(backReferences[0]);
            if (!required)
            {
                report.Fail("spec:standalone-backreference", $"{Describe(node)} fetched alone lacks its back-reference ({string.Join("/", backReferences)})");
            }
        }
        CheckTopLevel(node, type, report);
        return embedded;
    }

    public static bool IsTombstone(JsonObject node) => node["deleted"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>JSON for messages: umlauts and "+" as they are.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Describe(JsonNode? node) => node is JsonObject o && o["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String
        ? id.GetValue<string>()
        : node?.GetPath() ?? "(null)";

    /// <summary>The checks every object gets, standalone or embedded. Returns its type name, or null if it has none.</summary>
    private string? CheckObject(JsonObject node, string? expectedType, ConformanceReport report, List<EmbeddedObject> embedded, string where, string? embeddedIn)
    {
        var type = OParlSchemas.TypeName(Text(node, "type"));
        if (type is null)
        {
            report.Fail("spec:type", $"{where}: no OParl 1.1 type ({node["type"]?.ToJsonString(Readable) ?? "missing"})");
            return null;
        }
        if (expectedType is not null && type != expectedType)
        {
            report.Fail("spec:type-mismatch", $"{where}: is a {type} where a {expectedType} belongs");
        }
        var id = Text(node, "id");
        if (id is null || !id.StartsWith(ApiBase + "/", StringComparison.Ordinal))
        {
            report.Fail("spec:id", $"{where}: id {node["id"]?.ToJsonString(Readable) ?? "missing"} is not a URL of this API");
        }
        foreach (var stamp in Stamps)
        {
            if (!node.ContainsKey(stamp))
            {
                report.Fail("spec:created-modified", $"{where} ({type}{(embeddedIn is null ? "" : " embedded in " + embeddedIn)}) has no {stamp}");
            }
        }
        if (DateTime(Text(node, "created")) is { } created && DateTime(Text(node, "modified")) is { } modified && created > modified)
        {
            report.Fail("spec:created-after-modified", $"{where}: created {created:O} is after modified {modified:O}");
        }
        if (IsTombstone(node))
        {
            if (embeddedIn is not null)
            {
                report.Fail("spec:embedded-deleted", $"{where}: a deleted object embedded in {embeddedIn}");
            }
            foreach (var property in node.Select(p => p.Key).Except(TombstoneProperties))
            {
                report.Fail("checklist:tombstone-content", $"{where}: tombstone still tells {property}");
            }
        }
        if (embeddedIn is not null && BackReferences.TryGetValue(type, out var backReferences))
        {
            foreach (var property in backReferences.Where(node.ContainsKey))
            {
                report.Fail("spec:embedded-backreference", $"{where}: embedded in {embeddedIn} but carries the back-reference {property}");
            }
        }
        foreach (var (name, value) in node)
        {
            CheckProperty(type, name, value, report, embedded, where, id ?? where);
        }
        if (type == "Meeting" && node["agendaItem"] is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is JsonObject item && item["order"] is JsonValue order && (order.GetValueKind() != JsonValueKind.Number || order.GetValue<double>() != i))
                {
                    report.Fail("spec:agenda-order", $"{where}: agendaItem[{i}] has order {order.ToJsonString(Readable)}, not {i}");
                }
            }
        }
        CheckPeriod(node, "start", "end", where, report);
        CheckPeriod(node, "startDate", "endDate", where, report);
        return type;
    }

    private void CheckProperty(string type, string name, JsonNode? value, ConformanceReport report, List<EmbeddedObject> embedded, string where, string parentId)
    {
        var at = $"{where} › {name}";
        if (value is null)
        {
            report.Fail("spec:null", $"{at} is null");
            return;
        }
        if (!schemas.HasProperty(type, name) && !name.Contains(':', StringComparison.Ordinal))
        {
            report.Fail("spec:unknown-property", $"{at}: {type} has no such property (vendor extensions need a prefix)");
        }
        if (value is JsonArray array && array.Count == 0 && !(type == "Body" && name == "legislativeTerm"))
        {
            report.Fail("spec:empty-array", $"{at} is [] (leave out empty optional arrays)");
        }
        if (name == "geojson")
        {
            CheckGeoJson(value, at, report);
            return;
        }
        if (schemas.EmbeddedType(type, name) is { } childType)
        {
            List<(JsonNode? Node, string Where)> children = value is JsonArray list ? [.. list.Select((c, i) => (c, $"{at}[{i}]"))] : [(value, at)];
            foreach (var (child, childWhere) in children)
            {
                if (child is not JsonObject childObject)
                {
                    report.Fail("spec:embedded-shape", $"{childWhere}: expected an embedded {childType} object, got {child?.ToJsonString(Readable) ?? "null"}");
                    continue;
                }
                var found = CheckObject(childObject, childType, report, embedded, $"{childWhere} ({Describe(childObject)})", type);
                if (found is not null)
                {
                    embedded.Add(new EmbeddedObject(parentId, type, name, found, childObject));
                }
            }
            return;
        }
        var format = schemas.Format(type, name);
        List<(JsonNode? Node, string Where)> leaves = value is JsonArray values ? [.. values.Select((v, i) => (v, $"{at}[{i}]"))] : [(value, at)];
        foreach (var (leaf, leafWhere) in leaves)
        {
            CheckLeaf(type, name, format, leaf, leafWhere, report);
        }
    }

    private static void CheckLeaf(string type, string name, string? format, JsonNode? leaf, string at, ConformanceReport report)
    {
        if (leaf is null)
        {
            report.Fail("spec:null", $"{at} is null");
            return;
        }
        if (leaf is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }
        var text = value.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            report.Fail("spec:empty-string", $"{at} is {leaf.ToJsonString(Readable)} (leave out empty values)");
            return;
        }
        if (text.Trim() != text || text is "N/A" or "-")
        {
            report.Fail("checklist:placeholder-or-padding", $"{at} is {leaf.ToJsonString(Readable)}");
        }
        switch (format)
        {
            case "date-time" when DateTime(text) is null:
                report.Fail("spec:date-time-format", $"{at} is \"{text}\", not yyyy-mm-ddThh:mm:ss±hh:mm");
                break;
            case "date" when !DatePattern().IsMatch(text) || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                report.Fail("spec:date-format", $"{at} is \"{text}\", not yyyy-mm-dd");
                break;
            case "url" when !IsUrl(text):
                report.Fail("spec:url-format", $"{at} is \"{text}\", not an absolute http(s) URL");
                break;
        }
        if (LicenseProperties.Contains(name) && !IsUrl(text))
        {
            report.Fail("spec:license-url", $"{at} is \"{text}\": licences are URLs, not free text");
        }
        if (type == "Body" && name == "ags" && !AgsPattern().IsMatch(text))
        {
            report.Fail("spec:ags", $"{at} is \"{text}\", not 8 digits");
        }
        if (type == "Body" && name == "rgs" && !RgsPattern().IsMatch(text))
        {
            report.Fail("spec:rgs", $"{at} is \"{text}\", not 12 digits");
        }
    }

    public static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !text.Any(char.IsWhiteSpace);

    /// <summary>A strict OParl date-time (seconds, numeric offset) as an instant, or null.</summary>
    public static DateTimeOffset? DateTime(string? text) =>
        text is not null && DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    public static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
