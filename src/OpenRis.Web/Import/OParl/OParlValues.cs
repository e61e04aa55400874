using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// Lenient readers for the fields of foreign OParl objects (oparl-notes §10): placeholders ("N/A",
/// blanks) read as absent, scalars where arrays belong read as one-element arrays, dates before 1900
/// read as placeholders, and every such repair is counted in the report.
/// </summary>
internal sealed class OParlValues(OParlImportReport report)
{
    public OParlImportReport Report { get; } = report;

    public string? Text(JsonObject o, string name, int maxLength = 0)
    {
        if (o[name] is not JsonValue value)
        {
            return null;
        }
        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }
        var storable = Storable(text);
        if (!ReferenceEquals(storable, text))
        {
            // Read here, not only when saved: a text also becomes a query parameter (a paper kind by name), and PostgreSQL refuses NUL there too.
            Report.Defect("invalid-characters", $"{name} ({text.Length} Zeichen)");
        }
        var trimmed = storable.Trim();
        if (trimmed.Length == 0 || trimmed is "N/A" or "n/a" or "-")
        {
            // OParl 1.1: absent optional fields are left out, not sent as "", " " or "N/A".
            Report.Defect("placeholder-value", $"{name} = \"{text}\"");
            return null;
        }
        if (maxLength > 0 && trimmed.Length > maxLength)
        {
            Report.Defect("value-too-long", $"{name} ({trimmed.Length} Zeichen)");
            trimmed = trimmed[..maxLength];
        }
        return trimmed;
    }

    /// <summary>The text without NUL and with lone surrogates replaced; the same instance when nothing had to change.</summary>
    public static string Storable(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            var c = text[i];
            clean = c != '\0' && (!char.IsSurrogate(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])));
        }
        if (clean)
        {
            return text;
        }
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
            }
            else
            {
                output.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return output.ToString();
    }

    /// <summary>A list of strings; a single string is read as a list of one (CC e-gov, python-oparl).</summary>
    public List<string> Texts(JsonObject o, string name)
    {
        switch (o[name])
        {
            case JsonArray array:
                return array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
                    .Select(v => Storable(v.GetValue<string>()).Trim()).Where(s => s.Length > 0 && s != "N/A").ToList();
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                Report.Defect("scalar-instead-of-array", name);
                var text = Storable(value.GetValue<string>()).Trim();
                return text.Length == 0 ? [] : [text];
            default:
                return [];
        }
    }

    /// <summary>Embedded objects; a single object where an array belongs is read as one.</summary>
    public List<JsonObject> Objects(JsonObject o, string name)
    {
        switch (o[name])
        {
            case JsonArray array:
                return array.OfType<JsonObject>().ToList();
            case JsonObject single:
                Report.Defect("scalar-instead-of-array", name);
                return [single];
            default:
                return [];
        }
    }

    /// <summary>A link: a URL string, or an embedded object where the schema wants a URL (Sternberg).</summary>
    public string? Link(JsonObject o, string name) => o[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>()) => v.GetValue<string>().Trim(),
        JsonObject embedded when Id(embedded) is not null => LinkOfEmbedded(embedded, name),
        JsonArray array => Links(array, name).FirstOrDefault(),
        _ => null,
    };

    public List<string> Links(JsonObject o, string name) => o[name] switch
    {
        JsonArray array => Links(array, name),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => ScalarLink(v, name),
        JsonObject embedded when Id(embedded) is not null => [LinkOfEmbedded(embedded, name)],
        _ => [],
    };

    private List<string> ScalarLink(JsonValue v, string name)
    {
        Report.Defect("scalar-instead-of-array", name);
        var text = v.GetValue<string>().Trim();
        return text.Length == 0 ? [] : [text];
    }

    private static List<string> Links(JsonArray array, string name) =>
        array.Select(e => e switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
            JsonObject embedded => Id(embedded),
            _ => null,
        }).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();

    private string LinkOfEmbedded(JsonObject embedded, string name)
    {
        Report.Defect("object-instead-of-url", name);
        return Id(embedded)!;
    }

    public static bool? Boolean(JsonObject o, string name) => o[name] switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => null,
    };

    public static int? Integer(JsonObject o, string name) => o[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };

    /// <summary>UTC. Placeholder timestamps (years before 1900, e.g. 0001-01-01 or 1900-01-01 of ALLRIS 4) read as absent.</summary>
    public DateTime? DateTime(JsonObject o, string name)
    {
        var text = Text(o, name);
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Report.Defect("invalid-date", $"{name} = \"{text}\"");
            return null;
        }
        if (value.Year <= 1900)
        {
            Report.Defect("placeholder-date", $"{name} = \"{text}\"");
            return null;
        }
        return value.UtcDateTime;
    }

    public DateOnly? Date(JsonObject o, string name)
    {
        var text = Text(o, name);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full) && (date = DateOnly.FromDateTime(full.DateTime)) != default))
        {
            if (date.Year <= 1900)
            {
                Report.Defect("placeholder-date", $"{name} = \"{text}\"");
                return null;
            }
            return date;
        }
        Report.Defect("invalid-date", $"{name} = \"{text}\"");
        return null;
    }

    /// <summary>Amtlicher Gemeindeschlüssel: eight digits; a lost leading zero (Sternberg: 7 digits) is restored, anything else dropped.</summary>
    public string? Ags(JsonObject o) => DigitKey(o, "ags", 8);

    /// <summary>Regionalschlüssel: twelve digits, repaired like the AGS.</summary>
    public string? Rgs(JsonObject o) => DigitKey(o, "rgs", 12);

    private string? DigitKey(JsonObject o, string name, int digits)
    {
        var text = Text(o, name);
        if (text is null || !text.All(char.IsAsciiDigit))
        {
            if (text is not null)
            {
                Report.Defect($"invalid-{name}", text);
            }
            return null;
        }
        if (text.Length == digits - 1)
        {
            Report.Defect(string.Create(CultureInfo.InvariantCulture, $"{name}-{digits - 1}-digits"), text);
            return "0" + text;
        }
        if (text.Length != digits)
        {
            Report.Defect($"invalid-{name}", text);
            return null;
        }
        return text;
    }

    /// <summary>
    /// A GeoJSON object as RFC 7946 text: string coordinates become numbers, and a point given as
    /// [lat, lon] (the OParl examples, Sternberg, CC e-gov) is turned round. Coordinates in Germany
    /// make the order unambiguous: latitude 47–55, longitude 5–16.
    /// </summary>
    public string? GeoJson(JsonObject o)
    {
        if (o["geojson"] is not JsonObject geo)
        {
            return null;
        }
        var copy = geo.DeepClone().AsObject();
        var geometry = StringOf(copy["type"]) == "Feature" ? copy["geometry"] as JsonObject : copy;
        if (geometry?["coordinates"] is JsonArray { Count: 2 } point && StringOf(geometry["type"]) == "Point")
        {
            var numbers = point.Select(Number).ToList();
            if (numbers.Any(n => n is null))
            {
                Report.Defect("invalid-geojson", geo.ToJsonString());
                return null;
            }
            double first = numbers[0]!.Value, second = numbers[1]!.Value;
            if (point.Any(p => p is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            {
                Report.Defect("geojson-string-coordinates", geo.ToJsonString());
            }
            if (first is >= 47 and <= 55.5 && second is >= 5 and <= 16)
            {
                Report.Defect("geojson-lat-lon", geo.ToJsonString());
                (first, second) = (second, first);
            }
            geometry["coordinates"] = new JsonArray(first, second);
        }
        if (StringOf(copy["type"]) != "Feature")
        {
            copy = new JsonObject { ["type"] = "Feature", ["geometry"] = copy, ["properties"] = new JsonObject() };
        }
        return copy.ToJsonString();
    }

    private static string? StringOf(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && double.IsFinite(d) => d,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) => s,
        _ => null,
    };

    /// <summary>An absolute http(s) URL to fetch, or null: a source's link may be anything ("kein-url", file:///etc/passwd).</summary>
    public static Uri? HttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The longest id kept (the column of <see cref="OParlImportedObject.SourceUrl"/>); a longer one is no usable id.</summary>
    public const int MaxIdLength = 2000;

    /// <summary>The id of an object; null when it is none that can be kept: not a string, blank, too long, or with control characters or lone surrogates.</summary>
    public static string? Id(JsonObject o) =>
        o["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 and <= MaxIdLength } id
        && !string.IsNullOrWhiteSpace(id) && !id.Any(char.IsControl) && ReferenceEquals(Storable(id), id) ? id : null;

    public static bool IsDeleted(JsonObject o) => o["deleted"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>"https://schema.oparl.org/1.1/Paper" → "Paper"; null when the object has no type (Sternberg).</summary>
    public static string? TypeName(JsonObject o) =>
        o["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().TrimEnd('/').Split('/')[^1] : null;
}
