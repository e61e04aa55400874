using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Import;

/// <summary>Broken sources end in a clear report line: never a hang, never a half-written object.</summary>
public sealed class OParlImportBadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>System → one Body → its paper list at /t/papers (registered by the test).</summary>
    private static string Site(FakeOParlServer server)
    {
        var body = new JsonObject
        {
            ["id"] = server.Url("/t/body/1"),
            ["type"] = "https://schema.oparl.org/1.1/Body",
            ["name"] = "Testgemeinde",
            ["paper"] = server.Url("/t/papers"),
        };
        server.List("/t/bodies", [body]);
        server.Json("/t/system", new JsonObject { ["id"] = server.Url("/t/system"), ["type"] = "https://schema.oparl.org/1.1/System", ["body"] = server.Url("/t/bodies") });
        return server.Url("/t/system");
    }

    private static JsonObject Paper(FakeOParlServer server, int n, params JsonObject[] files) => new()
    {
        ["id"] = server.Url($"/t/paper/{n}"),
        ["type"] = "https://schema.oparl.org/1.1/Paper",
        ["name"] = $"Vorlage {n}",
        ["reference"] = $"{n}/2026",
        ["auxiliaryFile"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()),
    };

    private static JsonObject File(FakeOParlServer server, int n, string mimeType = "application/pdf") => new()
    {
        ["id"] = server.Url($"/t/file/{n}"),
        ["type"] = "https://schema.oparl.org/1.1/File",
        ["name"] = $"Anlage {n}",
        ["mimeType"] = mimeType,
        ["accessUrl"] = server.Url($"/t/content/{n}.pdf"),
    };

    private static JsonObject Page(FakeOParlServer server, IEnumerable<JsonObject> data, string? next) => new()
    {
        ["data"] = new JsonArray(data.Select(d => (JsonNode)d).ToArray()),
        ["links"] = next is null ? new JsonObject() : new JsonObject { ["next"] = server.Url(next) },
    };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_InvalidJsonPage_StopsThatListWithAClearLine_AndResumesThereWhenFixed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var system = Site(server);
        server.Json("/t/papers", Page(server, [Paper(server, 1), Paper(server, 2)], "/t/papers?page=2"));
        server.Json("/t/papers?page=2", """{"data": [{"id": "x", "name": "kaputt""");

        var (report, output) = await ImportHarness.RunAsync(database, system);
        Assert.NotNull(report.Failure);
        Assert.Contains($"{server.Url("/t/papers?page=2")}: kein gültiges JSON", output, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.Papers.CountAsync(Token));
        }

        server.Json("/t/papers?page=2", Page(server, [Paper(server, 3)], null));
        var (fixedReport, fixedOutput) = await ImportHarness.RunAsync(database, system);
        Assert.True(fixedReport.Failure is null, fixedOutput);
        Assert.Equal(1, fixedReport.CountOf("paper", OParlImportReport.Created));
        await using (var db = database.NewContext())
        {
            Assert.Equal(3, await db.Papers.CountAsync(Token));
        }
    }

    [Fact]
    public async Task Import_EndlessNextLoop_EndsWithADefectLine()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var system = Site(server);
        server.Json("/t/papers", Page(server, [Paper(server, 1)], "/t/papers?page=2"));
        server.Json("/t/papers?page=2", Page(server, [Paper(server, 2)], "/t/papers"));

        var run = ImportHarness.RunAsync(database, system);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), Token)));
        var (report, output) = await run;
        Assert.True(report.Failure is null, output);
        Assert.Equal(1, report.DefectCount("next-loop"));
        Assert.Contains("next-loop", output, StringComparison.Ordinal);
        Assert.Equal(2, report.CountOf("paper", OParlImportReport.Created));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_Files_PdfTextExtracted_HugeAndNonPdfRefusedWithALine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var system = Site(server);
        server.Json("/t/papers", Page(server, [Paper(server, 1, File(server, 1), File(server, 2), File(server, 3))], null));
        server.Bytes("/t/content/1.pdf", ImportHarness.Pdf("Haushaltssatzung 2026"), "application/pdf");
        server.Bytes("/t/content/2.pdf", new byte[50_000], "application/pdf");
        server.Bytes("/t/content/3.pdf", "<html>Fehler 500</html>"u8.ToArray(), "application/pdf");

        var (report, output) = await ImportHarness.RunAsync(database, system, new OParlImportOptions { MaxFileBytes = 10_000 });
        Assert.True(report.Failure is null, output);
        Assert.Contains("file-too-large", output, StringComparison.Ordinal);
        Assert.Contains("file-not-pdf", output, StringComparison.Ordinal);
        Assert.Equal(1, report.FilesDownloaded);
        await using var db = database.NewContext();
        var files = await db.Files.OrderBy(f => f.Name).ToListAsync(Token);
        Assert.Equal(3, files.Count);
        Assert.Contains("Haushaltssatzung 2026", files[0].Text, StringComparison.Ordinal);
        Assert.Equal(128, files[0].Sha512Checksum.Length);
        // The refused files keep their metadata, without content.
        Assert.All(files.Skip(1), f => Assert.Equal("", f.Sha512Checksum));
    }

    [Fact]
    public async Task Import_UnreachableHost_EndsWithALine()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await (await database.MigratedContextAsync()).DisposeAsync();
        var run = ImportHarness.RunAsync(database, "http://127.0.0.1:9/oparl/system");
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), Token)));
        var (report, output) = await run;
        Assert.NotNull(report.Failure);
        Assert.Contains("http://127.0.0.1:9/oparl/system nicht erreichbar", output, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Set<OParlImportSource>().CountAsync(Token));
    }

    [Fact]
    public async Task Import_ServerErrorsThenRecovers_RetriedWithoutALoss()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await (await database.MigratedContextAsync()).DisposeAsync();
        await using var server = await FakeOParlServer.StartAsync();
        var system = Site(server);
        var calls = 0;
        server.Handle("/t/papers", async context =>
        {
            // Somacos' intermittent 500s: two failures, then the page.
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Page(server, [Paper(server, 1)], null).ToJsonString(), Token);
        });
        var (report, output) = await ImportHarness.RunAsync(database, system);
        Assert.True(report.Failure is null, output);
        Assert.Equal(3, calls);
        Assert.Equal(1, report.CountOf("paper", OParlImportReport.Created));
    }
}
