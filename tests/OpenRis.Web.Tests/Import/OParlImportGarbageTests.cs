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
