using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// Fetches foreign OParl JSON leniently. Retries with back-off on 5xx and time-outs are done by
/// the resilience handler under the HttpClient (<see cref="OParlImportServices"/>); here a 404 is
/// told apart from a failure, and JSON with raw control characters (CC e-gov) is repaired.
/// </summary>
internal sealed class OParlClient(HttpClient http, OParlImportReport report, long maxJsonBytes)
{
    public async Task<Fetched> GetAsync(string url, CancellationToken ct)
    {
        if (OParlValues.HttpUrl(url) is not { } uri)
        {
            return Fetched.Fail($"{url}: keine http(s)-URL");
        }
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            return Fetched.Fail($"{url} nicht erreichbar: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fetched.Fail($"{url}: Zeitüberschreitung");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return Fetched.Fail($"{url}: Zeitüberschreitung");
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return new Fetched(null, (int)response.StatusCode, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                return Fetched.Fail($"{url}: HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > maxJsonBytes)
            {
                return Fetched.Fail($"{url}: Antwort größer als {maxJsonBytes} Bytes");
            }
            byte[] bytes;
            try
            {
                bytes = await ReadLimitedAsync(response.Content, maxJsonBytes, ct);
            }
            catch (InvalidDataException)
            {
                return Fetched.Fail($"{url}: Antwort größer als {maxJsonBytes} Bytes");
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                return Fetched.Fail($"{url}: Antwort abgebrochen ({e.Message})");
            }
            var node = Parse(bytes, url);
            return node is null ? Fetched.Fail($"{url}: kein gültiges JSON") : new Fetched(node, (int)response.StatusCode, null);
        }
    }

    internal static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new InvalidDataException("too large");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private JsonNode? Parse(byte[] bytes, string url)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // System.Text.Json checks strings only when they are read, and then throws: bytes that are
            // not UTF-8 (Latin-1 from an old system, a cut sequence) become U+FFFD here, once, with a line.
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
            report.Defect("invalid-utf8", url);
        }
        if (LoneSurrogates(bytes) is { } repairedSurrogates)
        {
            bytes = repairedSurrogates;
            report.Defect("invalid-characters", $"{url}: \\u-Escape eines einzelnen Surrogats");
        }
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            var repaired = EscapeControlCharacters(bytes);
            if (repaired is null)
            {
                return null;
            }
            try
            {
                var node = JsonNode.Parse(repaired);
                report.Defect("control-characters-in-json", url);
                return node;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    // \uD800–\uDBFF not followed by \uDC00–\uDFFF, or \uDC00–\uDFFF not preceded by the first: no character, and
    // System.Text.Json throws when such a string is read (not when it is parsed). An escaped backslash before "u" is no escape.
    private static readonly Regex LoneSurrogate = new(
        @"(?<=(?<!\\)(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));

    /// <summary>The JSON with every escaped lone surrogate turned into \uFFFD; null when there was none (the usual case, checked without decoding).</summary>
    internal static byte[]? LoneSurrogates(byte[] json)
    {
        if (json.AsSpan().IndexOf("\\ud"u8) < 0 && json.AsSpan().IndexOf("\\uD"u8) < 0)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(json);
        var repaired = LoneSurrogate.Replace(text, "\\uFFFD");
        return ReferenceEquals(repaired, text) || repaired == text ? null : Encoding.UTF8.GetBytes(repaired);
    }

    /// <summary>Escapes raw U+0000–U+001F inside JSON strings (RFC 8259 §7); null when there were none.</summary>
    internal static byte[]? EscapeControlCharacters(byte[] json)
    {
        var output = new List<byte>(json.Length + 16);
        bool inString = false, escaped = false, changed = false;
        foreach (var b in json)
        {
            if (inString && !escaped && b < 0x20)
            {
                output.AddRange(Encoding.ASCII.GetBytes($"\\u{b:x4}"));
                changed = true;
                continue;
            }
            output.Add(b);
            if (escaped)
            {
                escaped = false;
            }
            else if (inString && b == '\\')
            {
                escaped = true;
            }
            else if (b == '"')
            {
                inString = !inString;
            }
        }
        return changed ? output.ToArray() : null;
    }
}

/// <summary>A fetched document: JSON, or a 404/410 (Json null, no error), or an error for the report.</summary>
internal sealed record Fetched(JsonNode? Json, int Status, string? Error)
{
    public static Fetched Fail(string error) => new(null, 0, error);

    public bool NotFound => Error is null && Json is null;
}
