using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// A seeded generator of broken OParl (issue #9, bad input): valid objects of every main type with
/// a marker name, the same shapes with their properties replaced by garbage (wrong types, huge
/// numbers and strings, impossible dates, ids that are no URLs or point elsewhere, the wrong
/// <c>type</c>), and whole pages that are no OParl at all.
/// </summary>
internal sealed class OParlGarbage(int seed, string baseUrl)
{
    private readonly Random _random = new(seed);

    /// <summary>Stands for bytes that are not UTF-8; <see cref="Bytes"/> puts them in after serialising.</summary>
    public const string InvalidUtf8Token = "@@INVALID-UTF8@@";

    /// <summary>Stands for the JSON escape of a lone surrogate (<c>\ud800</c>), which no serialiser writes; <see cref="Bytes"/> puts it in.</summary>
    public const string LoneSurrogateToken = "@@LONE-SURROGATE@@";

    public static readonly string[] Types = ["organization", "person", "meeting", "paper"];

    public string Url(string path) => baseUrl + path;

    public JsonObject Valid(string type, int n) => type switch
    {
        "organization" => new JsonObject
        {
            ["id"] = Url($"/g/organization/{n}"),
            ["type"] = "https://schema.oparl.org/1.1/Organization",
            ["name"] = $"Gültig organization {n}",
            ["shortName"] = $"O{n}",
            ["organizationType"] = "Gremium",
            ["classification"] = "Ausschuss",
            ["startDate"] = "2014-06-01",
            ["post"] = new JsonArray("Vorsitz", "Mitglied"),
            ["website"] = "https://example.org/",
        },
        "person" => new JsonObject
        {
            ["id"] = Url($"/g/person/{n}"),
            ["type"] = "https://schema.oparl.org/1.1/Person",
            ["name"] = $"Gültig person {n}",
            ["familyName"] = $"Person{n}",
            ["givenName"] = "Gültig",
            ["title"] = new JsonArray("Dr."),
            ["email"] = new JsonArray($"p{n}@example.org"),
            ["membership"] = new JsonArray(new JsonObject
            {
                ["id"] = Url($"/g/membership/{n}"),
                ["type"] = "https://schema.oparl.org/1.1/Membership",
                ["organization"] = Url("/g/organization/0"),
                ["role"] = "Mitglied",
                ["startDate"] = "2014-06-01",
                ["votingRight"] = true,
            }),
        },
        "meeting" => new JsonObject
        {
            ["id"] = Url($"/g/meeting/{n}"),
            ["type"] = "https://schema.oparl.org/1.1/Meeting",
            ["name"] = $"Gültig meeting {n}",
            ["start"] = "2025-03-04T17:00:00+01:00",
            ["end"] = "2025-03-04T19:00:00+01:00",
            ["meetingState"] = "durchgeführt",
            ["cancelled"] = false,
            ["organization"] = new JsonArray(Url("/g/organization/0")),
            ["agendaItem"] = new JsonArray(new JsonObject
            {
                ["id"] = Url($"/g/agendaItem/{n}"),
                ["type"] = "https://schema.oparl.org/1.1/AgendaItem",
                ["number"] = "1",
                ["name"] = $"Gültig agendaItem {n}",
                ["order"] = 0,
                ["public"] = true,
            }),
        },
        "paper" => new JsonObject
        {
            ["id"] = Url($"/g/paper/{n}"),
            ["type"] = "https://schema.oparl.org/1.1/Paper",
            ["name"] = $"Gültig paper {n}",
            ["reference"] = $"{n}/2026",
            ["date"] = "2026-01-15",
            ["paperType"] = "Beschlussvorlage",
            ["underDirectionOf"] = new JsonArray(Url("/g/organization/0")),
            ["auxiliaryFile"] = new JsonArray(new JsonObject
            {
                ["id"] = Url($"/g/file/{n}"),
                ["type"] = "https://schema.oparl.org/1.1/File",
                ["name"] = $"Anlage {n}",
                ["fileName"] = $"anlage-{n}.pdf",
                ["mimeType"] = "application/pdf",
                ["accessUrl"] = Url("/g/content/valid.pdf"),
            }),
            ["consultation"] = new JsonArray(new JsonObject
            {
                ["id"] = Url($"/g/consultation/{n}"),
                ["type"] = "https://schema.oparl.org/1.1/Consultation",
                ["meeting"] = Url("/g/meeting/0"),
                ["organization"] = new JsonArray(Url("/g/organization/0")),
                ["role"] = "Beratung",
            }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// A valid object of <paramref name="type"/> (id <c>/g/{type}/m{n}</c>, marker name "Müll …") with garbage in
    /// it, and what was done: with <paramref name="property"/> (an index into <see cref="Properties"/>) garbage
    /// of <paramref name="kind"/> (below <see cref="ValueKinds"/>) in exactly that property, else one to three random mutations (ids and types included).
    /// </summary>
    public (JsonObject Json, string What) Garbled(string type, int n, IReadOnlyList<string> validIds, int? property = null, int? kind = null)
    {
        var json = Valid(type, n);
        json["id"] = Url($"/g/{type}/m{n}");
        json["name"] = $"Müll {type} {n}";
        if (json["reference"] is not null)
        {
            json["reference"] = $"M{n}/2026";
        }
        if (property is int k)
        {
            var (name, set) = Targets(json)[k];
            var value = Value(kind);
            set(value);
            return (json, $"{name} = {Show(value)}");
        }
        var done = new List<string>();
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            done.Add(Mutate(json, validIds));
        }
        return (json, string.Join("; ", done));
    }

    /// <summary>How many properties (embedded ones included) an object of <paramref name="type"/> has to put garbage in.</summary>
    public int Properties(string type) => Targets(Valid(type, 0)).Count;

    private string Mutate(JsonObject json, IReadOnlyList<string> validIds)
    {
        switch (_random.Next(6))
        {
            case 0:
                {
                    var id = Pick<JsonNode?>(null, 42, -1e308, "", "   ", "kein-url", "javascript:alert(1)", "../../etc/passwd", "http://other.invalid/oparl/paper/1",
                        "file:///etc/passwd", Url("/g/ids mit leerzeichen"), new JsonObject { ["id"] = "x" }, new JsonArray("a"), Huge('i'));
                    json["id"] = id?.DeepClone();
                    return $"id = {Show(id)}";
                }
            case 1:
                {
                    // The id of a valid object, of this list or another: a copy, or a tombstone for it.
                    var id = validIds[_random.Next(validIds.Count)];
                    json["id"] = id;
                    if (_random.Next(3) == 0)
                    {
                        json["deleted"] = true;
                    }
                    return $"duplicate id {id}{(json["deleted"] is null ? "" : " deleted")}";
                }
            case 2:
                {
                    var wrong = Pick<JsonNode?>("https://schema.oparl.org/1.1/Meeting", "https://schema.oparl.org/1.1/Body", 7, "", new JsonObject(), "https://schema.oparl.org/1.1/", Huge('t'));
                    json["type"] = wrong?.DeepClone();
                    return $"type = {Show(wrong)}";
                }
            default:
                {
                    var targets = Targets(json);
                    var (name, set) = targets[_random.Next(targets.Count)];
                    var value = Value();
                    set(value);
                    return $"{name} = {Show(value)}";
                }
        }
    }

    /// <summary>
    /// Garbage for any property: wrong types, huge and impossible numbers, impossible dates, 1 MB strings,
    /// NUL and lone surrogates, bytes that are not UTF-8, deep nesting, links that are no URLs or point elsewhere.
    /// </summary>
    public const int ValueKinds = 9;

    private JsonNode? Value(int? kind = null) => (kind ?? _random.Next(ValueKinds)) switch
    {
        0 => Pick<JsonNode?>(JsonNode.Parse("1e999"), JsonNode.Parse("-123456789012345678901234567890"), JsonNode.Parse("18446744073709551616"), 3.5, 0, -1, true, null),
        1 => Pick<JsonNode?>(new JsonObject(), new JsonArray(), new JsonArray(1, "x", null, new JsonArray(), new JsonObject { ["id"] = 5 }), new JsonObject { ["id"] = new JsonObject() },
            new JsonObject { ["id"] = 12 }, new JsonArray(new JsonObject { ["type"] = "x" }), new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray("a", 1) }),
        2 => Pick("2018-13-45", "2018-02-30T25:61:00+01:00", "0000-00-00", "9999-12-31T23:59:59-14:00", "gestern", "-0001-01-01", "20181345", "1899-12-31"),
        3 => Huge('x'),
        4 => $"NUL\u0000 im Text, einsames {LoneSurrogateToken} Surrogat, <script>alert(1)</script>, Zeilen\r\numbruch\t, \u202eumgedreht, emoji \ud83d\ude00",
        8 => Pick("N/A", " ", "-", "", "n/a"),
        5 => $"kaputt {InvalidUtf8Token} kaputt",
        6 => Deep(40),
        _ => Pick("kein-url", Url("/g/paper/nicht-da"), "http://other.invalid/x", "file:///etc/passwd", "ftp://example.org/a.pdf", "http://[::1", "//ohne-schema", "../../etc/passwd"),
    };

    /// <summary>Every property but id and type, and those of the first element of each embedded array.</summary>
    private static List<(string Name, Action<JsonNode?> Set)> Targets(JsonObject json)
    {
        var targets = new List<(string, Action<JsonNode?>)>();
        foreach (var (name, value) in json.ToList())
        {
            if (name is "id" or "type")
            {
                continue;
            }
            targets.Add((name, v => json[name] = v));
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject embedded)
            {
                foreach (var inner in embedded.Select(p => p.Key).ToList())
                {
                    targets.Add(($"{name}[0].{inner}", v => embedded[inner] = v));
                }
            }
        }
        return targets;
    }

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    public static string Huge(char c) => new(c, 1024 * 1024);

    /// <summary>{"a":{"a":…}} <paramref name="levels"/> deep.</summary>
    public static string DeepJson(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    private static JsonNode Deep(int levels) => JsonNode.Parse(DeepJson(levels))!;

    /// <summary>The JSON of a page as bytes, with <see cref="InvalidUtf8Token"/> turned into bytes that are not UTF-8.</summary>
    public byte[] Bytes(JsonNode page)
    {
        var bytes = Encoding.UTF8.GetBytes(page.ToJsonString());
        var token = Encoding.ASCII.GetBytes(InvalidUtf8Token);
        var surrogate = Encoding.ASCII.GetBytes(LoneSurrogateToken);
        byte[][] invalid = [[0xC3, 0x28], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [(byte)'B', 0xFC, (byte)'r', (byte)'g', (byte)'e', (byte)'r'], [0xE2, 0x82]];
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(surrogate))
            {
                output.AddRange("\\ud800"u8.ToArray());
                i += surrogate.Length - 1;
                continue;
            }
            if (bytes.AsSpan(i).StartsWith(token))
            {
                output.AddRange(invalid[_random.Next(invalid.Length)]);
                i += token.Length - 1;
                continue;
            }
            output.Add(bytes[i]);
        }
        return output.ToArray();
    }

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
