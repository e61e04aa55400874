using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// <c>openris import oparl</c> against a local fake OParl server serving the real vendor responses
/// in ../shared/data/oparl with their defects.
/// </summary>
public sealed class OParlImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_EveryVendor_CountsMatch_DefectsReported_SecondRunChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var karlsruhe = VendorSites.Karlsruhe(server);
        var nordstemmen = VendorSites.Nordstemmen(server);
        var bonn = VendorSites.Bonn(server);
        var mst = VendorSites.MstBodies(server);

        var reports = new Dictionary<string, OParlImportReport>();
        foreach (var site in new[] { karlsruhe, nordstemmen, bonn }.Concat(mst))
        {
            var (report, output) = await ImportHarness.RunAsync(database, site.SystemUrl);
            Assert.True(report.Failure is null, output);
            reports[site.SystemUrl] = report;
        }

        // Every vendor's data arrived, object for object.
        Assert.Equal("somacos-sessionnet", reports[karlsruhe.SystemUrl].Vendor);
        Assert.Equal("sternberg-sdnet", reports[nordstemmen.SystemUrl].Vendor);
        Assert.Equal("cc-egov-allris4", reports[bonn.SystemUrl].Vendor);
        Assert.Equal(karlsruhe.Papers, reports[karlsruhe.SystemUrl].CountOf("paper", OParlImportReport.Created));
        Assert.Equal(karlsruhe.Meetings, reports[karlsruhe.SystemUrl].CountOf("meeting", OParlImportReport.Created));
        Assert.Equal(karlsruhe.Organizations, reports[karlsruhe.SystemUrl].CountOf("organization", OParlImportReport.Created));
        Assert.Equal(nordstemmen.Papers, reports[nordstemmen.SystemUrl].CountOf("paper", OParlImportReport.Created));
        Assert.Equal(nordstemmen.Meetings, reports[nordstemmen.SystemUrl].CountOf("meeting", OParlImportReport.Created));
        Assert.Equal(bonn.Meetings, reports[bonn.SystemUrl].CountOf("meeting", OParlImportReport.Created));
        await using (var db = database.NewContext())
        {
            Assert.Equal(3 + mst.Count, await db.Bodies.CountAsync(Token));
            Assert.Equal(karlsruhe.Papers + nordstemmen.Papers, await db.Papers.CountAsync(Token));
            Assert.Equal(karlsruhe.Meetings + nordstemmen.Meetings + bonn.Meetings, await db.Meetings.CountAsync(Token));
            Assert.Equal(karlsruhe.Organizations, await db.Organizations.CountAsync(Token));
            Assert.Equal(karlsruhe.AgendaItems + nordstemmen.AgendaItems, await db.AgendaItems.CountAsync(Token));
            Assert.All(await db.Papers.ToListAsync(Token), p => Assert.True(p.IsPubliclyVisible));
            // Our OParl server serves what was imported.
            Assert.Equal(await db.Papers.CountAsync(Token), await db.OParlDocuments.CountAsync(d => d.Type == "paper" && d.Visible && !d.Deleted, Token));
            // AGS: the 7-digit one restored, the 9-digit and "N/A" ones dropped, never stored broken.
            Assert.Contains(await db.Bodies.Select(b => b.Ags).ToListAsync(Token), a => a == "03254028");
            Assert.All(await db.Bodies.Select(b => b.Ags).ToListAsync(Token), a => Assert.True(a is null || a.Length == 8));
            // 1-based and gapped orders become positions 0, 1, 2 …
            var orders = await db.AgendaItems.GroupBy(a => a.MeetingId).Select(g => new { Min = g.Min(a => a.Order), Max = g.Max(a => a.Order), Count = g.Count() }).ToListAsync(Token);
            Assert.All(orders, o => Assert.Equal((0, o.Count - 1), (o.Min, o.Max)));
        }

        // The defects of each vendor are reported, none was fatal.
        var k = reports[karlsruhe.SystemUrl];
        Assert.True(k.DefectCount("placeholder-value") > 0, "Somacos' blank address fields");
        Assert.True(k.DefectCount("missing-object") > 0, "links to organizations outside the 60 % sample");
        Assert.True(k.DefectCount("paper-without-mainfile") > 0, "Somacos' auxiliaryFile-only papers");
        Assert.True(k.DefectCount("file-unavailable") > 0, "the sample has no file contents");
        var n = reports[nordstemmen.SystemUrl];
        Assert.True(n.DefectCount("object-instead-of-list") > 0, "Sternberg's /body");
        Assert.True(n.DefectCount("object-without-type") > 0, "the scraped records lack type");
        Assert.True(n.DefectCount("404-for-empty-list") > 0, "Sternberg's 404 for empty lists");
        Assert.True(n.DefectCount("ags-7-digits") > 0);
        Assert.True(reports[bonn.SystemUrl].DefectCount("control-characters-in-json") > 0);
        Assert.Contains(reports.Values, r => r.DefectCount("invalid-ags") > 0);

        // A second run changes nothing: no new rows, no new revisions, no new OParl data version.
        string before;
        await using (var db = database.NewContext())
        {
            before = await ImportHarness.SnapshotAsync(db);
        }
        var requests = server.Requests;
        foreach (var site in new[] { karlsruhe, nordstemmen, bonn }.Concat(mst))
        {
            var (report, output) = await ImportHarness.RunAsync(database, site.SystemUrl);
            Assert.True(report.Failure is null, output);
            Assert.Equal(0, report.Total(OParlImportReport.Created) + report.Total(OParlImportReport.Updated) + report.Total(OParlImportReport.Deleted));
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(before, await ImportHarness.SnapshotAsync(db));
        }
        // ALLRIS 4 is always read in full (placeholder timestamps); the others incrementally.
        Assert.Contains(server.Log.Skip(requests), r => r.Contains("modified_since=", StringComparison.Ordinal) && r.StartsWith("/karlsruhe", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Log.Skip(requests), r => r.Contains("modified_since=", StringComparison.Ordinal) && r.StartsWith("/bonn", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_TombstoneAndChange_AreApplied(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var site = VendorSites.Karlsruhe(server);
        Assert.Null((await ImportHarness.RunAsync(database, site.SystemUrl, new OParlImportOptions { DownloadFiles = false })).Report.Failure);

        // The source deletes one paper and renames another.
        var papers = JsonNode.Parse(await new HttpClient().GetStringAsync(server.Url("/karlsruhe/oparl/bodies/0001/papers"), Token))!["data"]!.AsArray().OfType<JsonObject>().Select(p => (JsonObject)p.DeepClone()).ToList();
        var deleted = papers.First(p => p["deleted"] is null);
        var renamed = papers.Skip(1).First(p => p["deleted"] is null);
        var gone = new JsonObject { ["id"] = deleted["id"]!.GetValue<string>(), ["type"] = deleted["type"]!.GetValue<string>(), ["created"] = deleted["created"]!.GetValue<string>(), ["modified"] = "2026-12-01T10:00:00+01:00", ["deleted"] = true };
        renamed["name"] = "Umbenannt: " + renamed["name"]!.GetValue<string>();
        renamed["modified"] = "2026-12-01T10:00:00+01:00";
        server.List("/karlsruhe/oparl/bodies/0001/papers", [gone, renamed]);

        var (report, output) = await ImportHarness.RunAsync(database, site.SystemUrl, new OParlImportOptions { DownloadFiles = false });
        Assert.True(report.Failure is null, output);
        Assert.Equal(1, report.CountOf("paper", OParlImportReport.Deleted));
        Assert.Equal(1, report.CountOf("paper", OParlImportReport.Updated));
        await using var db = database.NewContext();
        Assert.Equal(site.Papers - 1, await db.Papers.CountAsync(Token));
        Assert.Equal(1, await db.Papers.CountAsync(p => p.Name.StartsWith("Umbenannt: "), Token));
        var tombstone = await db.Papers.IgnoreQueryFilters().SingleAsync(p => p.Deleted, Token);
        Assert.True((await db.OParlDocuments.SingleAsync(d => d.Type == "paper" && d.ObjectId == tombstone.Id, Token)).Deleted);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_KilledMidway_ResumesAtItsPage(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var site = VendorSites.Karlsruhe(server);
        var options = new OParlImportOptions { DownloadFiles = false };

        // The server dies after 6 requests: system, bodies, organizations (2 pages of 50), meetings (2 of 4 pages).
        server.FailAfter = 6;
        var (failed, failedOutput) = await ImportHarness.RunAsync(database, site.SystemUrl, options);
        Assert.NotNull(failed.Failure);
        Assert.Contains("HTTP 500", failedOutput, StringComparison.Ordinal);
        int meetingsAfterCrash;
        await using (var db = database.NewContext())
        {
            meetingsAfterCrash = await db.Meetings.CountAsync(Token);
            Assert.InRange(meetingsAfterCrash, 1, site.Meetings - 1);
            Assert.Equal(0, await db.Papers.CountAsync(Token));
            Assert.NotNull((await db.Set<OParlImportSource>().SingleAsync(Token)).RunStartedAt);
            Assert.Null((await db.Set<OParlImportSource>().SingleAsync(Token)).Watermark);
        }

        server.FailAfter = null;
        var start = server.Requests;
        var (resumed, output) = await ImportHarness.RunAsync(database, site.SystemUrl, options);
        Assert.True(resumed.Failure is null, output);
        Assert.True(resumed.Resumed);
        // Organization pages and the meeting pages already written are not fetched again.
        Assert.DoesNotContain(server.Log.Skip(start), r => r.StartsWith("/karlsruhe/oparl/bodies/0001/organizations", StringComparison.Ordinal));
        Assert.Equal(0, resumed.CountOf("meeting", OParlImportReport.Unchanged));
        Assert.Equal(site.Meetings - meetingsAfterCrash, resumed.CountOf("meeting", OParlImportReport.Created));
        await using (var db = database.NewContext())
        {
            Assert.Equal(site.Meetings, await db.Meetings.CountAsync(Token));
            Assert.Equal(site.Papers, await db.Papers.CountAsync(Token));
            var source = await db.Set<OParlImportSource>().SingleAsync(Token);
            Assert.Null(source.RunStartedAt);
            Assert.NotNull(source.Watermark);
        }
    }
}
