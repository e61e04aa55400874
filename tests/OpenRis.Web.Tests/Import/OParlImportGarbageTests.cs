using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Tests.Hosting;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// Issue #9, bad input: a source whose objects and pages are generated garbage (<see cref="OParlGarbage"/>,
/// seeded). The import never throws, names every object it drops and every page it cannot read,
/// imports the valid objects beside the garbage, keeps what an earlier run imported, and
/// <c>openris check</c> is clean afterwards.
/// </summary>
public sealed class OParlImportGarbageTests
{
    private const int Seed = 20260907;
    private const int ValidPerType = 10;
    private const int GarbledPerType = 40;
    private const int PageSize = 10;
    private static readonly Dictionary<string, string> NoDemo = new() { ["Demo:Seed"] = "false" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_GarbageObjects_ValidOnesImported_EveryDroppedObjectNamed_EarlierImportKept_CheckClean(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var garbage = new OParlGarbage(Seed, server.BaseUrl);
        server.Bytes("/g/content/valid.pdf", ImportHarness.Pdf("Gueltige Anlage"), "application/pdf");
        var valid = OParlGarbage.Types.ToDictionary(t => t, t => Enumerable.Range(0, ValidPerType).Select(n => garbage.Valid(t, n)).ToList());
        var system = Site(server, garbage, valid.ToDictionary(v => v.Key, v => v.Value.Select(o => (o, "gültig")).ToList()));

        // The first run imports the valid objects: what a later broken run must not lose or spoil.
        var (first, firstOutput) = await ImportHarness.RunAsync(database, system);
        Assert.True(first.Failure is null, firstOutput);
        Dictionary<string, string> before;
        await using (var db = database.NewContext())
        {
            before = await StateAsync(db);
        }
        Assert.Equal(OParlGarbage.Types.Length * ValidPerType, before.Keys.Count(k => System.Text.RegularExpressions.Regex.IsMatch(k, "/g/(organization|person|meeting|paper)/[0-9]+$")));

        // The second run: the same valid objects, shuffled among garbled ones (a duplicate of a valid id after its original).
        var random = new Random(Seed);
        var lists = new Dictionary<string, List<(JsonObject Json, string What)>>();
        foreach (var type in OParlGarbage.Types)
        {
            var ids = valid.Values.SelectMany(v => v).Select(o => o["id"]!.GetValue<string>()).ToList();
            // Every kind of garbage in every property, then random mutations (ids, types, several properties).
            var properties = garbage.Properties(type);
            // Numbered from 100: their embedded objects (files, memberships …) do not share ids with the valid ones.
            var garbled = Enumerable.Range(0, properties * OParlGarbage.ValueKinds)
                .Select(k => garbage.Garbled(type, 100 + k, ids, property: k / OParlGarbage.ValueKinds, kind: k % OParlGarbage.ValueKinds))
                .Concat(Enumerable.Range(100 + (properties * OParlGarbage.ValueKinds), GarbledPerType).Select(n => garbage.Garbled(type, n, ids))).ToList();
            var mixed = valid[type].Select(o => (o, "gültig")).Concat(garbled.Where(g => !g.What.Contains("duplicate id", StringComparison.Ordinal)))
                .OrderBy(_ => random.Next()).ToList();
            mixed.AddRange(garbled.Where(g => g.What.Contains("duplicate id", StringComparison.Ordinal)));
            lists[type] = mixed;
        }
        system = Site(server, garbage, lists);
        var (report, output) = await ImportHarness.RunAsync(database, system, new OParlImportOptions { Full = true });
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.True(report.Failure is null, output);

        await using (var db = database.NewContext())
        {
            var after = await StateAsync(db);
            foreach (var (url, state) in before)
            {
                Assert.True(after.TryGetValue(url, out var now) && now == state, $"{url} was {state}, now {now ?? "gone"}\n{output}");
            }
            var imported = (await db.Set<OParlImportedObject>().Select(o => new { o.SourceUrl, o.Type }).ToListAsync(Token)).Select(o => (o.SourceUrl, o.Type)).ToHashSet();
            foreach (var (type, list) in lists)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var (json, what) = list[i];
                    if (what == "gültig")
                    {
                        continue;
                    }
                    var place = OParlGarbage.Invariant($"{PageUrl(garbage, type, i / PageSize)} #{i % PageSize}");
                    var id = json["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                    Assert.True((id is not null && imported.Contains((id, type))) || output.Contains(place, StringComparison.Ordinal),
                        $"{type} {i} ({what}) neither imported nor named as {place}:\n{output}");
                }
            }
        }
        var (exitCode, checkOutput) = await OpenRisProcess.RunAsync(database, NoDemo, "check");
        Assert.True(exitCode == 0, checkOutput);
    }

    /// <summary>What a broken page of a paper list is (served as page 2, or as page 1's next link), and what the report must say.</summary>
    private sealed record PageCase(string Name, bool ListFails, Func<string, string> Expected, Action<FakeOParlServer, OParlGarbage, string, JsonObject> Serve, bool Recovers = true);

    private static readonly PageCase[] PageCases =
    [
        new("random-bytes", true, page => $"{page}: kein gültiges JSON", (s, g, page, _) => s.Bytes(page, g.RandomBytes(4096), "application/json")),
        new("truncated", true, page => $"{page}: kein gültiges JSON", (s, _, page, valid) => s.Json(page, valid.ToJsonString()[..40])),
        new("deep-10000", true, page => $"{page}: kein gültiges JSON", (s, _, page, _) => s.Json(page, $"{{\"data\":[{OParlGarbage.DeepJson(10_000)}]}}")),
        new("scalar", true, page => $"{page}: keine OParl-Liste", (s, _, page, _) => s.Json(page, "42")),
        new("data-object", true, page => $"{page}: keine OParl-Liste", (s, _, page, _) => s.Json(page, """{"data": {"id": "x"}}""")),
        new("empty-200", true, page => $"{page}: kein gültiges JSON", (s, _, page, _) => s.Bytes(page, [], "application/json")),
        new("html-200", true, page => $"{page}: kein gültiges JSON", (s, _, page, _) => s.Bytes(page, "<html><body>Wartungsarbeiten</body></html>"u8.ToArray(), "text/html")),
        new("too-large", true, page => $"{page}: Antwort größer als", (s, _, page, _) => s.Json(page, $"{{\"data\":[],\"x\":\"{OParlGarbage.Huge('x')}{OParlGarbage.Huge('x')}\"}}")),
        new("server-error", true, page => $"{page}: HTTP 500", (s, _, page, _) => s.Json(page, "{}", System.Net.HttpStatusCode.InternalServerError)),
        new("non-objects", false, page => $"not-an-object: {page} #1", (s, _, page, _) => s.Json(page, """{"data": [1, "x", null, [], true]}""")),
        new("invalid-utf8", false, page => $"invalid-utf8", (s, g, page, valid) =>
        {
            valid["data"]![0]!["name"] = $"Gültig {OParlGarbage.InvalidUtf8Token}";
            s.Bytes(page, g.Bytes(valid), "application/json");
        }),
        new("next-not-a-url", true, page => $"{List(page)}: next kein-url: keine http(s)-URL", (s, _, page, _) => NextOfFirst(s, page, "kein-url")),
        new("next-file", true, page => $"{List(page)}: next file:///etc/passwd: keine http(s)-URL", (s, _, page, _) => NextOfFirst(s, page, "file:///etc/passwd")),
        new("next-number", false, page => $"{List(page)}: next = 42, die Liste endet hier", (s, _, page, _) => NextOfFirst(s, page, 42)),
        new("next-loop", false, page => $"next-loop                         1×  z. B. {List(page)}", (s, _, page, _) => NextOfFirst(s, page, List(page))),
        // Another host that does not answer: retried at the same URL by the next run (a source that is down), so it does not recover here.
        new("next-other-host", true, _ => "http://127.0.0.1:9/oparl/papers nicht erreichbar", (s, _, page, _) => NextOfFirst(s, page, "http://127.0.0.1:9/oparl/papers"), Recovers: false),
    ];

    private static string List(string page) => page[..page.IndexOf('?', StringComparison.Ordinal)];

    /// <summary>Page 1 of the list of <paramref name="page"/> (page 2) with its next link replaced.</summary>
    private static void NextOfFirst(FakeOParlServer server, string page, JsonNode next)
    {
        var first = List(page);
        server.Json(first, new JsonObject { ["data"] = new JsonArray(PagePaper(first, 1), PagePaper(first, 2)), ["links"] = new JsonObject { ["next"] = next } });
    }

    private static JsonObject PagePaper(string list, int n) => new()
    {
        ["id"] = OParlGarbage.Invariant($"{list}/paper/{n}"),
        ["type"] = "https://schema.oparl.org/1.1/Paper",
        ["name"] = OParlGarbage.Invariant($"Gültig {n}"),
    };

    private static JsonObject ValidPage(string list, int n, string? next) => new()
    {
        ["data"] = new JsonArray(PagePaper(list, n)),
        ["links"] = next is null ? new JsonObject() : new JsonObject { ["next"] = next },
    };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_GarbagePages_ListStopsWithALineNamingThePage_OtherListsGoOn_NextRunCompletes_CheckClean(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var garbage = new OParlGarbage(Seed, server.BaseUrl);
        // One Body per case, each with its own paper list: page 1 valid (two papers), page 2 broken.
        var bodies = new List<JsonObject>();
        var lists = new List<string>();
        for (var i = 0; i < PageCases.Length; i++)
        {
            var list = garbage.Url($"/p/{PageCases[i].Name}/papers");
            lists.Add(list);
            bodies.Add(new JsonObject { ["id"] = garbage.Url($"/p/{PageCases[i].Name}/body"), ["type"] = "https://schema.oparl.org/1.1/Body", ["name"] = PageCases[i].Name, ["paper"] = list });
            server.Json(list, new JsonObject { ["data"] = new JsonArray(PagePaper(list, 1), PagePaper(list, 2)), ["links"] = new JsonObject { ["next"] = list + "?page=2" } });
            PageCases[i].Serve(server, garbage, list + "?page=2", ValidPage(list, 3, null));
        }
        server.List("/p/bodies", bodies);
        server.Json("/p/system", new JsonObject { ["id"] = garbage.Url("/p/system"), ["type"] = "https://schema.oparl.org/1.1/System", ["body"] = garbage.Url("/p/bodies") });
        var options = new OParlImportOptions { MaxJsonBytes = 1024 * 1024 };

        var (report, output) = await ImportHarness.RunAsync(database, garbage.Url("/p/system"), options);
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.Equal($"{PageCases.Count(c => c.ListFails)} Liste(n) unvollständig; der nächste Lauf setzt dort fort", report.Failure);
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < PageCases.Length; i++)
            {
                var (name, fails, expected, _, _) = PageCases[i];
                Assert.True(output.Contains(expected(lists[i] + "?page=2"), StringComparison.Ordinal), $"{name}: no line \"{expected(lists[i] + "?page=2")}\"\n{output}");
                var papers = await db.Papers.CountAsync(p => p.Body.Name == name, Token);
                Assert.True(papers == (name == "invalid-utf8" ? 3 : 2), $"{name}: {papers} papers\n{output}");
            }
        }

        // The source is repaired: every list goes on where it stopped.
        for (var i = 0; i < PageCases.Length; i++)
        {
            server.Json(lists[i], new JsonObject { ["data"] = new JsonArray(PagePaper(lists[i], 1), PagePaper(lists[i], 2)), ["links"] = new JsonObject { ["next"] = lists[i] + "?page=2" } });
            server.Json(lists[i] + "?page=2", ValidPage(lists[i], 3, null));
        }
        var (repaired, repairedOutput) = await ImportHarness.RunAsync(database, garbage.Url("/p/system"), options);
        Assert.Equal(PageCases.Any(c => !c.Recovers) ? "1 Liste(n) unvollständig; der nächste Lauf setzt dort fort" : null, repaired.Failure);
        await using (var db = database.NewContext())
        {
            foreach (var (name, fails, _, _, recovers) in PageCases)
            {
                var papers = await db.Papers.CountAsync(p => p.Body.Name == name, Token);
                // A list that ended without failing (a loop, a broken next) is not read again by a resumed run, only by the next full one.
                var expected = name == "invalid-utf8" || (fails && recovers) ? 3 : 2;
                Assert.True(papers == expected, $"{name}: {papers} papers after the repair\n{repairedOutput}");
            }
        }
        var (exitCode, checkOutput) = await OpenRisProcess.RunAsync(database, NoDemo, "check");
        Assert.True(exitCode == 0, checkOutput);
    }

    /// <summary>System → one Body → a list per type, <see cref="PageSize"/> objects per page, served as bytes (invalid UTF-8 is put in there).</summary>
    private static string Site(FakeOParlServer server, OParlGarbage garbage, Dictionary<string, List<(JsonObject Json, string What)>> lists)
    {
        var body = new JsonObject
        {
            ["id"] = garbage.Url("/g/body/1"),
            ["type"] = "https://schema.oparl.org/1.1/Body",
            ["name"] = "Müllgemeinde",
        };
        foreach (var (type, list) in lists)
        {
            body[type] = PageUrl(garbage, type, 0);
            var pages = (list.Count + PageSize - 1) / PageSize;
            for (var page = 0; page < pages; page++)
            {
                var json = new JsonObject
                {
                    ["data"] = new JsonArray(list.Skip(page * PageSize).Take(PageSize).Select(o => (JsonNode)o.Json.DeepClone()).ToArray()),
                    ["links"] = page + 1 < pages ? new JsonObject { ["next"] = PageUrl(garbage, type, page + 1) } : new JsonObject(),
                };
                server.Bytes(PageUrl(garbage, type, page), garbage.Bytes(json), "application/json");
            }
        }
        server.List("/g/bodies", [body]);
        server.Json("/g/system", new JsonObject { ["id"] = garbage.Url("/g/system"), ["type"] = "https://schema.oparl.org/1.1/System", ["body"] = garbage.Url("/g/bodies") });
        return garbage.Url("/g/system");
    }

    private static string PageUrl(OParlGarbage garbage, string type, int page) =>
        page == 0 ? garbage.Url($"/g/{type}s") : garbage.Url(OParlGarbage.Invariant($"/g/{type}s?page={page + 1}"));

    /// <summary>Per imported object (by source URL): what an earlier import stored and a later broken one must keep.</summary>
    private static async Task<Dictionary<string, string>> StateAsync(RisDbContext db)
    {
        var rows = await db.Set<OParlImportedObject>().Select(o => new { o.SourceUrl, o.Type, o.EntityId }).ToListAsync(Token);
        var papers = await db.Papers.IgnoreQueryFilters().Select(p => new { p.Id, p.Name, p.Reference, p.Deleted, Files = p.Files.Count, Consultations = p.Consultations.Count }).ToDictionaryAsync(p => p.Id, p => p.ToString(), Token);
        var meetings = await db.Meetings.IgnoreQueryFilters().Select(m => new { m.Id, m.Name, m.Start, m.Deleted, Items = m.AgendaItems.Count }).ToDictionaryAsync(m => m.Id, m => m.ToString(), Token);
        var persons = await db.Persons.IgnoreQueryFilters().Select(p => new { p.Id, p.Name, p.Deleted, Memberships = p.Memberships.Count }).ToDictionaryAsync(p => p.Id, p => p.ToString(), Token);
        var organizations = await db.Organizations.IgnoreQueryFilters().Select(o => new { o.Id, o.Name, o.ShortName, o.Deleted }).ToDictionaryAsync(o => o.Id, o => o.ToString(), Token);
        var files = await db.Files.IgnoreQueryFilters().Select(f => new { f.Id, f.Name, f.Sha512Checksum, f.Deleted }).ToDictionaryAsync(f => f.Id, f => f.ToString(), Token);
        return rows.ToDictionary(r => r.SourceUrl, r => (r.Type switch
        {
            "paper" => papers.GetValueOrDefault(r.EntityId),
            "meeting" => meetings.GetValueOrDefault(r.EntityId),
            "person" => persons.GetValueOrDefault(r.EntityId),
            "organization" => organizations.GetValueOrDefault(r.EntityId),
            "file" => files.GetValueOrDefault(r.EntityId),
            _ => r.EntityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }) ?? "missing", StringComparer.Ordinal);
    }
}
