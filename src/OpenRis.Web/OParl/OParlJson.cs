using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// Writes OParl JSON the strict way (OParl 1.1 §2.4): no null, "" or [] for absent optional
/// fields, date-times with seconds and a numeric offset, UTF-8 text without HTML escaping.
/// </summary>
public sealed class OParlJson(Utf8JsonWriter writer)
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Umlauts, „quotes“ and the "+" of offsets stay as they are: JSON's own escapes only, no HTML
        // escaping (OParl 1.1 §2.4). "Unsafe" refers to pasting into HTML, which JSON served as JSON is not.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public Utf8JsonWriter Writer { get; } = writer;

    public void Header(string id, string type, DateTime created, DateTime modified, bool startObject = true)
    {
        if (startObject)
        {
            Writer.WriteStartObject();
        }
        Writer.WriteString("id", id);
        Writer.WriteString("type", OParlUrls.TypeUri(type));
        DateTime("created", created);
        DateTime("modified", modified);
    }

    public void Text(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Writer.WriteString(name, value.Trim());
        }
    }

    public void Texts(string name, IEnumerable<string?> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (list.Count == 0)
        {
            return;
        }
        Writer.WriteStartArray(name);
        foreach (var value in list)
        {
            Writer.WriteStringValue(value);
        }
        Writer.WriteEndArray();
    }

    /// <summary>A mandatory array: written as [] when empty.</summary>
    public void RequiredStrings(string name, IEnumerable<string> values)
    {
        Writer.WriteStartArray(name);
        foreach (var value in values)
        {
            Writer.WriteStringValue(value);
        }
        Writer.WriteEndArray();
    }

    public void Boolean(string name, bool? value)
    {
        if (value is bool b)
        {
            Writer.WriteBoolean(name, b);
        }
    }

    public void Number(string name, long? value)
    {
        if (value is long n)
        {
            Writer.WriteNumber(name, n);
        }
    }

    public void Date(string name, DateOnly? value)
    {
        if (value is DateOnly d)
        {
            Writer.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    public void DateTime(string name, DateTime? utc)
    {
        if (utc is DateTime u)
        {
            Writer.WriteString(name, Format(u));
        }
    }

    /// <summary>yyyy-mm-ddThh:mm:ss±hh:mm in German local time: the form the OParl schema's pattern asks for.</summary>
    public static string Format(DateTime utc) =>
        Berlin.ToOffset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public void Common(OParlObject o, string? web)
    {
        Text("license", o.License);
        Texts("keyword", o.Keyword);
        Text("web", web);
    }

    public static byte[] Tombstone(string id, string type, DateTime created, DateTime modified)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            var json = new OParlJson(writer);
            json.Header(id, type, created, modified);
            writer.WriteBoolean("deleted", true);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
