using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// A real OpenRIS process is killed with SIGKILL while a faction office files papers four at a time.
/// Afterwards <c>openris check</c> finds no half-written paper, orphan file or stale index entry;
/// every paper is either still a draft or wholly filed; and filing the rest after a restart completes the work.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Drafts = 40;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task KilledDuringFiling_LeavesNothingHalfWritten_AndTheRestFilesAfterRestart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (first, _) = await OpenRisProcess.StartAsync(database);
        OpenRisProcess.Kill(first);
        var ids = await DraftsAsync(database);

        var (second, url) = await OpenRisProcess.StartAsync(database);
        var faction = await OpenRisProcess.SignInAsync(url, "fraktion");
        var filed = 0;
        var filing = Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
        {
            try
            {
                using var response = await faction.SubmitAsync($"/arbeitsbereich/vorlagen/{id}", "Beim Ratsbüro einreichen", []);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref filed);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The server died under this request: what it did is for the check to judge.
            }
        });
        while (Volatile.Read(ref filed) < 5 && !filing.IsCompleted)
        {
            await Task.Delay(20, Token);
        }
        OpenRisProcess.Kill(second);
        await filing;

        var (exitCode, output) = await OpenRisProcess.RunAsync(database, "check");
        Assert.True(exitCode == 0, output);
        var left = await AssertWholeAsync(database, ids);
        Assert.True(left.Count < Drafts, "nothing was filed before the kill");

        // Repeating the interrupted work completes it.
        var (third, thirdUrl) = await OpenRisProcess.StartAsync(database);
        var again = await OpenRisProcess.SignInAsync(thirdUrl, "fraktion");
        foreach (var id in left)
        {
            using var response = await again.SubmitAsync($"/arbeitsbereich/vorlagen/{id}", "Beim Ratsbüro einreichen", []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        OpenRisProcess.Kill(third);
        Assert.Empty(await AssertWholeAsync(database, ids));
        (exitCode, output) = await OpenRisProcess.RunAsync(database, "check");
        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Check_ReportsWhatACrashCouldLeave_AndRepairRemovesIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (server, _) = await OpenRisProcess.StartAsync(database);
        OpenRisProcess.Kill(server);
        // A content written before its row was committed, a half-written temporary file, a row whose content is gone,
        // and a paper whose state and history disagree.
        var orphan = Path.Combine(database.FilesRoot, "ab", "cd", new string('a', 128));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "verwaist", Token);
        await File.WriteAllTextAsync(orphan + ".0123.tmp", "halb", Token);
        await using (var db = database.NewContext())
        {
            var file = await db.Files.OrderBy(f => f.Id).FirstAsync(Token);
            File.Delete(Path.Combine(database.FilesRoot, file.Sha512Checksum[..2], file.Sha512Checksum[2..4], file.Sha512Checksum));
            var paper = await db.Papers.Where(p => p.Reference == "0853/2018").SingleAsync(Token);
            db.PaperTransitions.Add(new PaperTransition { PaperId = paper.Id, At = new DateTime(2018, 9, 20, 8, 0, 0, DateTimeKind.Utc), Actor = "Test", From = PaperStatus.Submitted, To = PaperStatus.Registered, Action = "registriert" });
            await db.SaveChangesAsync(Token);
        }

        var (exitCode, output) = await OpenRisProcess.RunAsync(database, "check");
        // With the output: an exit code other than 1 (134 once in CI, an abort) needs what the process wrote to explain it.
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("Verwaiste Datei im Dateispeicher: ab/cd/" + new string('a', 128), output, StringComparison.Ordinal);
        Assert.Contains(".0123.tmp", output, StringComparison.Ordinal);
        Assert.Contains("Inhalt fehlt im Dateispeicher", output, StringComparison.Ordinal);
        Assert.Contains("Vorlage 0853/2018: Status Published, aber der letzte Übergang endet in Registered.", output, StringComparison.Ordinal);

        (exitCode, output) = await OpenRisProcess.RunAsync(database, "check", "--repair");
        Assert.Contains("Reparatur: 2 verwaiste Dateien entfernt.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(orphan));
        // What only a person can decide (a lost content, a contradictory history) stays reported.
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.DoesNotContain("Verwaiste Datei", output, StringComparison.Ordinal);
        Assert.Contains("Inhalt fehlt im Dateispeicher", output, StringComparison.Ordinal);
        Assert.Contains("Vorlage 0853/2018: Status Published", output, StringComparison.Ordinal);
    }

    /// <summary>Every paper is a draft without any trace of filing, or filed with its receipt, one transition and its frozen version. Returns the drafts.</summary>
    private static async Task<List<long>> AssertWholeAsync(TestDatabase database, List<long> ids)
    {
        await using var db = database.NewContext();
        var papers = await db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Status, p.ReceivedAt, Transitions = db.PaperTransitions.Count(t => t.PaperId == p.Id), Versions = db.PaperVersions.Count(v => v.PaperId == p.Id) })
            .ToListAsync(Token);
        Assert.Equal(ids.Count, papers.Count);
        foreach (var paper in papers)
        {
            if (paper.Status == PaperStatus.Draft)
            {
                Assert.True(paper.ReceivedAt is null && paper.Transitions == 0 && paper.Versions == 0, $"draft {paper.Id} half filed");
            }
            else
            {
                Assert.True(paper.Status == PaperStatus.Submitted && paper.ReceivedAt is not null && paper.Transitions == 1 && paper.Versions == 1, $"paper {paper.Id} half filed: {paper}");
            }
        }
        return papers.Where(p => p.Status == PaperStatus.Draft).Select(p => p.Id).Order().ToList();
    }

    private static async Task<List<long>> DraftsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var faction = await db.Organizations.SingleAsync(o => o.ShortName == "Hagen Aktiv", Token);
        var kind = await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.Inquiry, Token);
        var meeting = await db.Meetings.Where(m => m.Name == "Sitzung des Rates der Stadt Hagen").OrderByDescending(m => m.Start).FirstAsync(Token);
        var papers = Enumerable.Range(1, Drafts).Select(i =>
        {
            var paper = new Paper
            {
                BodyId = faction.BodyId,
                Kind = kind,
                Name = $"Anfrage der Fraktion Hagen Aktiv {i}",
                Subject = $"Absturzprobe {i}",
                Status = PaperStatus.Draft,
                OwnerOrganizationId = faction.Id,
                TargetMeetingId = meeting.Id,
            };
            paper.Questions.Add(new Question { Paper = paper, Number = 1, Text = $"Frage {i}?" });
            paper.Signatures.Add(new Signature { Paper = paper, Position = 0, Formula = Signature.CertifiedCorrect, Name = "Geschäftsstelle" });
            return paper;
        }).ToList();
        db.Papers.AddRange(papers);
        await db.SaveChangesAsync(Token);
        return papers.Select(p => p.Id).ToList();
    }
}
