using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

public sealed partial class OParlRules
{
    /// <summary>The ten external lists every 1.1 Body must link (OParl 1.1 §3 Body, prose).</summary>
    public static readonly string[] BodyLists =
        ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "locationList", "legislativeTermList", "membership"];

    /// <summary>The type each Body list holds.</summary>
    public static string BodyListType(string list) => list switch
    {
        "locationList" => "Location",
        "legislativeTermList" => "LegislativeTerm",
        _ => char.ToUpperInvariant(list[0]) + list[1..],
    };

    /// <summary>What our System and Body carry beyond the schema's required fields (oparl-notes §13).</summary>
    private static readonly string[] SystemFields = ["license", "vendor", "product", "contactEmail", "website", "name"];
    private static readonly string[] BodyFields = ["ags", "rgs", "license", "oparlSince", "web"];

    // Germany, generously: a [lat, lon] point lands far outside (RFC 7946 wants [lon, lat]).
    private const double MinLongitude = 5, MaxLongitude = 16, MinLatitude = 47, MaxLatitude = 56;

    /// <summary>Positions per geometry type: how deep the coordinates nest above a single [lon, lat].</summary>
    private static readonly Dictionary<string, int> GeometryDepth = new()
    {
        ["Point"] = 0,
        ["MultiPoint"] = 1,
        ["LineString"] = 1,
        ["MultiLineString"] = 2,
        ["Polygon"] = 2,
        ["MultiPolygon"] = 3,
    };

    /// <summary>What only the System and the Body have to say (OParl 1.1 §3, oparl-notes §13).</summary>
    private static void CheckTopLevel(JsonObject node, string type, ConformanceReport report)
    {
        var where = Describe(node);
        switch (type)
        {
            case "System":
                if (Text(node, "oparlVersion") != OParlSchemas.Namespace)
                {
                    report.Fail("spec:oparlVersion", $"{where}: oparlVersion is {node["oparlVersion"]?.ToJsonString(Readable)}, not \"{OParlSchemas.Namespace}\"");
                }
                foreach (var property in SystemFields.Where(p => !node.ContainsKey(p)))
                {
                    report.Fail("checklist:system-fields", $"{where}: System has no {property}");
                }
                break;
            case "Person" when node["locationObject"] is JsonObject location && Text(node, "location") != Text(location, "id"):
                // OParl 1.1 (spec issue #373): locationObject embeds the very Location that location links.
                report.Fail("spec:person-location", $"{where}: locationObject is {Text(location, "id")}, location is {Text(node, "location") ?? "missing"}");
                break;
            case "Body":
                foreach (var list in BodyLists.Where(l => !node.ContainsKey(l)))
                {
                    report.Fail("spec:body-lists", $"{where}: Body has no {list} list");
                }
                foreach (var property in BodyFields.Where(p => !node.ContainsKey(p)))
                {
                    report.Fail("checklist:body-fields", $"{where}: Body has no {property}");
                }
                break;
        }
    }

    /// <summary>Location.geojson MUST be a GeoJSON Feature; positions are numbers in [lon, lat] order (RFC 7946).</summary>
    private static void CheckGeoJson(JsonNode value, string at, ConformanceReport report)
    {
        if (value is not JsonObject feature || Text(feature, "type") != "Feature")
        {
            report.Fail("spec:geojson", $"{at}: not a GeoJSON Feature: {Shorten(value.ToJsonString(Readable))}");
            return;
        }
        if (!feature.ContainsKey("properties"))
        {
            report.Fail("spec:geojson", $"{at}: a Feature needs a properties member");
        }
        CheckGeometry(feature["geometry"], at, report);
    }

    private static void CheckGeometry(JsonNode? geometry, string at, ConformanceReport report)
    {
        if (geometry is not JsonObject g || Text(g, "type") is not { } type)
        {
            report.Fail("spec:geojson", $"{at}: the Feature has no geometry object");
            return;
        }
        if (type == "GeometryCollection" && g["geometries"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                CheckGeometry(part, at, report);
            }
            return;
        }
        if (!GeometryDepth.TryGetValue(type, out var depth))
        {
            report.Fail("spec:geojson", $"{at}: unknown geometry type {type}");
            return;
        }
        CheckPositions(g["coordinates"], depth, at, report);
    }

    private static void CheckPositions(JsonNode? coordinates, int depth, string at, ConformanceReport report)
    {
        if (coordinates is not JsonArray array || array.Count == 0)
        {
            report.Fail("spec:geojson", $"{at}: coordinates {coordinates?.ToJsonString(Readable) ?? "missing"} are not an array");
            return;
        }
        if (depth > 0)
        {
            foreach (var inner in array)
            {
                CheckPositions(inner, depth - 1, at, report);
            }
            return;
        }
        if (array.Count < 2 || array.Any(c => c is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
        {
            report.Fail("spec:geojson", $"{at}: position {array.ToJsonString(Readable)} is not numeric [lon, lat]");
            return;
        }
        var (lon, lat) = (array[0]!.GetValue<double>(), array[1]!.GetValue<double>());
        if (lon is < MinLongitude or > MaxLongitude || lat is < MinLatitude or > MaxLatitude)
        {
            report.Fail("checklist:geojson-lon-lat", $"{at}: position [{lon}, {lat}] is not [lon, lat] in Germany (swapped?)");
        }
    }

    private static void CheckPeriod(JsonObject node, string start, string end, string where, ConformanceReport report)
    {
        if (Text(node, start) is not { } s || Text(node, end) is not { } e)
        {
            return;
        }
        var reversed = DateTime(s) is { } from && DateTime(e) is { } to
            ? from > to
            : DatePattern().IsMatch(s) && DatePattern().IsMatch(e) && string.CompareOrdinal(s, e) > 0;
        if (reversed)
        {
            report.Fail("checklist:period", $"{where}: {start} {s} is after {end} {e}");
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
