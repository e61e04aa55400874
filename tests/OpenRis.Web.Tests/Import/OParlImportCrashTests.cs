using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Import.OParl;
using OpenRis.Web.Tests.Hosting;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// A real <c>openris import oparl</c> process is killed with SIGKILL while it writes (issue #9):
/// afterwards <c>openris check</c> finds nothing half-written (no object without its OParl document,
/// no import row without its object), the next run completes the import with exactly what an
/// uninterrupted import gives, and a third run changes nothing.
/// </summary>
public sealed class OParlImportCrashTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task KilledMidImport_CheckIsClean_NextRunCompletesAsAnUninterruptedOne_ThirdChangesNothing(string provider)
    {
        await using var server = await FakeOParlServer.StartAsync();
        var site = VendorSites.Karlsruhe(server);

        // What an uninterrupted import gives.
        await using var reference = await TestDatabase.CreateAsync(provider);
        await (await reference.MigratedContextAsync()).DisposeAsync();
        Assert.Null((await ImportHarness.RunAsync(reference, site.SystemUrl, new OParlImportOptions { DownloadFiles = false })).Report.Failure);
        string expected;
        await using (var db = reference.NewContext())
        {
            expected = await CountsAsync(db);
        }

        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string> { ["Demo:Seed"] = "false" };
        // Small batches from a slow source: many commits, so that the kill lands between two of them.
        server.Delay = TimeSpan.FromMilliseconds(150);
        var output = new StringBuilder();
        var import = OpenRisProcess.Start(database, new Dictionary<string, string>(environment) { ["Import:OParl:BatchObjects"] = "40" }, output, "import", "oparl", site.SystemUrl, "--no-files");
        try
        {
            while (await PapersAsync(database) == 0)
            {
                Assert.False(import.HasExited, $"the import ended before it was killed:\n{output}");
                await Task.Delay(20, Token);
            }
        }
        finally
        {
            OpenRisProcess.Kill(import);
        }
        server.Delay = TimeSpan.Zero;
        await using (var db = database.NewContext())
        {
            var source = await db.Set<OParlImportSource>().SingleAsync(Token);
            Assert.True(source.RunStartedAt is not null && source.Watermark is null, "killed after the run ended");
            Assert.InRange(await db.Papers.IgnoreQueryFilters().CountAsync(Token), 1, site.Papers - 1);
        }

        var (exitCode, checkOutput) = await OpenRisProcess.RunAsync(database, environment, "check");
        Assert.True(exitCode == 0, checkOutput);

        var (resumedExit, resumedOutput) = await OpenRisProcess.RunAsync(database, environment, "import", "oparl", site.SystemUrl, "--no-files");
        Assert.True(resumedExit == 0, resumedOutput);
        Assert.Contains("fortgesetzt", resumedOutput, StringComparison.Ordinal);
        string snapshot;
        await using (var db = database.NewContext())
        {
            Assert.Equal(expected, await CountsAsync(db));
            snapshot = await ImportHarness.SnapshotAsync(db);
        }
        (exitCode, checkOutput) = await OpenRisProcess.RunAsync(database, environment, "check");
        Assert.True(exitCode == 0, checkOutput);

        var (thirdExit, thirdOutput) = await OpenRisProcess.RunAsync(database, environment, "import", "oparl", site.SystemUrl, "--no-files", "--full");
        Assert.True(thirdExit == 0, thirdOutput);
        Assert.Matches(@"\b0 neu\b", thirdOutput);
        await using (var db = database.NewContext())
        {
            Assert.Equal(snapshot, await ImportHarness.SnapshotAsync(db));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Check_ReportsAnObjectWithoutItsDocument_AStaleDocument_AndAnImportRowWithoutItsObject(string provider)
    {
        await using var server = await FakeOParlServer.StartAsync();
        var site = VendorSites.Karlsruhe(server);
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        Assert.Null((await ImportHarness.RunAsync(database, site.SystemUrl, new OParlImportOptions { DownloadFiles = false })).Report.Failure);
        var environment = new Dictionary<string, string> { ["Demo:Seed"] = "false" };
        var (exitCode, output) = await OpenRisProcess.RunAsync(database, environment, "check");
        Assert.True(exitCode == 0, output);

        // What a write committed by halves would leave: a paper without its document, a meeting renamed
        // behind the projection's back, and an import row whose object is gone.
        long paperId, meetingId;
        await using (var db = database.NewContext())
        {
            paperId = await db.Papers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Token);
            meetingId = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Token);
            await db.OParlDocuments.Where(d => d.Type == "paper" && d.ObjectId == paperId).ExecuteDeleteAsync(Token);
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "Umbenannt ohne Dokument"), Token);
            var source = await db.Set<OParlImportSource>().SingleAsync(Token);
            db.Add(new OParlImportedObject { SourceId = source.Id, SourceUrl = "https://example.org/oparl/paper/weg", Type = "paper", EntityId = 999_999, Hash = "x" });
            await db.SaveChangesAsync(Token);
        }
        (exitCode, output) = await OpenRisProcess.RunAsync(database, environment, "check");
        Assert.Equal(1, exitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"OParl: paper {paperId} ohne gespeichertes Dokument."), output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"OParl: meeting {meetingId}: gespeichertes Dokument nicht auf dem Stand der Datenbank."), output, StringComparison.Ordinal);
        Assert.Contains("OParl-Import: paper https://example.org/oparl/paper/weg verweist auf 999999, das es nicht gibt.", output, StringComparison.Ordinal);
    }

    private static async Task<int> PapersAsync(TestDatabase database)
    {
        try
        {
            await using var db = database.NewContext();
            return await db.Papers.IgnoreQueryFilters().CountAsync(Token);
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException || e.GetType().Name is "SqliteException" or "PostgresException")
        {
            // Not migrated yet.
            return 0;
        }
    }

    /// <summary>Objects per type, the links set at the end of a run, import rows and served documents: what must agree with an uninterrupted import.</summary>
    private static async Task<string> CountsAsync(RisDbContext db)
    {
        var parts = new List<(string, int)>
        {
            ("bodies", await db.Bodies.IgnoreQueryFilters().CountAsync(Token)),
            ("organizations", await db.Organizations.IgnoreQueryFilters().CountAsync(Token)),
            ("subOrganizationOf", await db.Organizations.IgnoreQueryFilters().CountAsync(o => o.SubOrganizationOfId != null, Token)),
            ("persons", await db.Persons.IgnoreQueryFilters().CountAsync(Token)),
            ("memberships", await db.Memberships.IgnoreQueryFilters().CountAsync(Token)),
            ("locations", await db.Locations.IgnoreQueryFilters().CountAsync(Token)),
            ("meetings", await db.Meetings.IgnoreQueryFilters().CountAsync(Token)),
            ("agendaItems", await db.AgendaItems.IgnoreQueryFilters().CountAsync(Token)),
            ("papers", await db.Papers.IgnoreQueryFilters().CountAsync(Token)),
            ("superordinatedPaper", await db.Papers.IgnoreQueryFilters().CountAsync(p => p.ParentPaperId != null, Token)),
            ("relatedPaper", await db.PaperReferences.CountAsync(Token)),
            ("consultations", await db.Consultations.IgnoreQueryFilters().CountAsync(Token)),
            ("consultationsAtAgendaItems", await db.Consultations.IgnoreQueryFilters().CountAsync(c => c.AgendaItemId != null, Token)),
            ("files", await db.Files.IgnoreQueryFilters().CountAsync(Token)),
            ("deleted", await db.Papers.IgnoreQueryFilters().CountAsync(p => p.Deleted, Token)),
            ("imported", await db.Set<OParlImportedObject>().CountAsync(Token)),
            ("documents", await db.OParlDocuments.CountAsync(d => !d.Deleted, Token)),
        };
        return string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1} {p.Item2}")));
    }
}
