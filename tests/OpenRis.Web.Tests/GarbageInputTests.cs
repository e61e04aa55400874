using System.Net;
using System.Text;
using System.Text.Json;
using OpenRis.Web.Tests.Hosting;

namespace OpenRis.Web.Tests;

/// <summary>
/// Generated garbage — random bytes, invalid UTF-8, huge and negative numbers, wrong types, very long
/// values, repeated parameters — in the OParl list parameters, OParl ids and the search API. Every
/// answer is a success or a 4xx that says what is wrong (OParl's Error object, the search API's
/// German message), never a 5xx, and the server answers normally afterwards.
/// </summary>
public sealed class GarbageInputTests
{
    private const int Rounds = 300;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] OParlParameters = ["limit", "created_since", "created_until", "modified_since", "modified_until", "omit_internal", "after", "before"];
    private static readonly string[] SearchParameters = ["q", "art", "gremium", "urheber", "jahr", "status", "sortierung", "seite", "anzahl"];
    private static readonly string[] OParlLists = ["/oparl/v1.1/body/1/paper", "/oparl/v1.1/body/1/meeting", "/oparl/v1.1/body/1/person", "/oparl/v1.1/body/1/organization", "/oparl/v1.1/body/1/file", "/oparl/v1.1/body"];

    // Both databases: the parameters end up in SQL (dates, ids, limits), where the providers' ranges differ.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task GarbageParameters_GetAClear4xx_AndTheServerStaysUp(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // The real server (Kestrel), not the in-memory test host: its request parsing is part of what is fuzzed.
        var (server, url) = await OpenRisProcess.StartAsync(database);
#pragma warning disable CA2000 // the client owns its handler
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
#pragma warning restore CA2000
        var random = new Random(20180927);
        var failures = new List<string>();
        var answers = new Dictionary<int, int> { [400] = 0 };

        for (var round = 0; round < Rounds; round++)
        {
            var list = OParlLists[random.Next(OParlLists.Length)];
            var oparl = $"{list}?{Parameters(random, OParlParameters)}";
            await ExpectAsync(client, oparl, failures, answers, body => body.GetProperty("type").GetString() == "https://schema.oparl.org/1.1/Error" && body.GetProperty("message").GetString()!.Length > 0);

            var search = $"/api/search?{Parameters(random, SearchParameters)}";
            await ExpectAsync(client, search, failures, answers, body => body.GetProperty("detail").GetString()!.Length > 0);

            var id = $"/oparl/v1.1/{Pick(random, ["paper", "meeting", "file", "agendaItem", "person", "x"])}/{Garbage(random)}";
            await ExpectAsync(client, id, failures, answers, body => body.GetProperty("type").GetString() == "https://schema.oparl.org/1.1/Error");
        }

        try
        {
            Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
            using var after = await client.GetAsync(new Uri("/oparl/v1.1/body/1/paper?limit=5", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.True(answers[400] > Rounds / 3, $"too few requests reached the parameter checks: {answers[400]} answers 400");
            Assert.False(server.HasExited);
        }
        finally
        {
            OpenRisProcess.Kill(server);
        }
    }

    private static async Task ExpectAsync(HttpClient client, string path, List<string> failures, Dictionary<int, int> answers, Func<JsonElement, bool> explains)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        }
        catch (UriFormatException)
        {
            return; // not even a request: nothing reaches the server
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(Token);
            if (status >= 500)
            {
                failures.Add($"{status} for {path[..Math.Min(path.Length, 200)]}: {text[..Math.Min(text.Length, 300)]}");
                return;
            }
            // Kestrel itself turns away a request line it cannot parse (a NUL or broken UTF-8 in the path) or
            // one beyond its limits (414, 431) with an empty answer, before the application sees it.
            var rejectedByKestrel = status is 400 or 414 or 431 && text.Length == 0;
            var shown = path.Length > 200 ? path[..200] + "…" : path;
            if (status is >= 400 and < 500 and not 404 and not 410 && !rejectedByKestrel)
            {
                try
                {
                    using var json = JsonDocument.Parse(text);
                    if (!explains(json.RootElement))
                    {
                        failures.Add($"{status} without a message for {shown}: {text[..Math.Min(text.Length, 300)]}");
                    }
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    failures.Add($"{status} without a readable message for {shown}: {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }
    }

    private static string Parameters(Random random, string[] names)
    {
        var parts = new List<string>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var name = random.Next(8) == 0 ? Garbage(random) : names[random.Next(names.Length)];
            parts.Add($"{name}={Garbage(random)}");
        }
        return string.Join('&', parts);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>One value from a zoo of bad inputs, percent-encoded as a client would send it (or raw, where that is the point).</summary>
    private static string Garbage(Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                var bytes = new byte[random.Next(1, 64)];
                random.NextBytes(bytes);
                return string.Concat(bytes.Select(b => $"%{b:X2}"));
            case 1:
                return "%FF%FE%C3%28%ED%A0%80"; // invalid UTF-8
            case 2:
                return new string('9', random.Next(20, 400));
            case 3:
                return "-" + random.Next();
            case 4:
                return Uri.EscapeDataString(new string('ä', random.Next(1000, 20000)));
            case 5:
                return Uri.EscapeDataString("{\"a\":" + new string('[', 500) + new string(']', 500) + "}");
            case 6:
                return Pick(random, ["true", "null", "NaN", "Infinity", "1e309", "0x10", "1.5", "", "%00", "%0A%0D"]);
            case 7:
                return Uri.EscapeDataString(Pick(random, ["2018-13-45T25:61:61+25:00", "2018-09-27T", "T10:00", "0000-00-00", "9999-12-31T23:59:59Z", "2018-09-27T10:00:00.1234567890123+02:00"]));
            case 8:
                return Uri.EscapeDataString(Pick(random, ["' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "*:*", "\"unclosed", "a~99", "(((", "AND OR NOT", "/", "\\"]));
            case 9:
                return Uri.EscapeDataString(Encoding.UTF8.GetString(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (byte)random.Next(32, 127)).ToArray()));
            case 10:
                return random.Next(-5, 1100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                return Uri.EscapeDataString(new string('x', random.Next(5000, 60000)));
        }
    }
}
