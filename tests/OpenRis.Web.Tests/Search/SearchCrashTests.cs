using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Tests.Hosting;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The outbox guarantee end to end: a real OpenRIS process whose indexer is held back is killed
/// with SIGKILL after a change was committed but before its index saw it; the next start finds it.
/// </summary>
public sealed class SearchCrashTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task KilledBetweenCommitAndIndexUpdate_ChangeIsSearchableAfterRestart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };

        // First life: seeds the demo and builds the index.
        var first = await StartAsync(database, indexDelay: 0);
        var url = first.Url;
        await WaitForAsync(http, url, "Digitalisierungsstrategie", expectHits: true);
        Kill(first.Process);

        // Second life: the indexer waits before every pass, so it never applies what follows.
        var second = await StartAsync(database, indexDelay: 600_000);
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
            paper.Summary = "Absturzprobenwort";
            await db.SaveChangesAsync(Token);
        }
        Assert.Equal(0, await TotalAsync(http, second.Url, "Absturzprobenwort"));
        Kill(second.Process);

        // Third life: resumes from the position in its last index commit and applies the outbox.
        var third = await StartAsync(database, indexDelay: 0);
        await WaitForAsync(http, third.Url, "Absturzprobenwort", expectHits: true);
        Kill(third.Process);

        // And the invariant check finds the index as the database says it should be.
        var (exitCode, output) = await OpenRisProcess.RunAsync(database, "check");
        Assert.True(exitCode == 0, output);
        Assert.Contains("keine Fehler", output, StringComparison.Ordinal);
    }

    private static Task<(Process Process, string Url)> StartAsync(TestDatabase database, int indexDelay) =>
        OpenRisProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Search:IndexDelayMilliseconds"] = indexDelay.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Search:PollMilliseconds"] = "100",
        });

    private static void Kill(Process process) => OpenRisProcess.Kill(process);

    private static async Task<int> TotalAsync(HttpClient http, string url, string query)
    {
        var json = await http.GetStringAsync(new Uri($"{url}/api/search?q={Uri.EscapeDataString(query)}"), Token);
        return JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32();
    }

    private static async Task WaitForAsync(HttpClient http, string url, string query, bool expectHits)
    {
        // Generous: the test machine is shared and slow; the index must catch up, not be fast here.
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (await TotalAsync(http, url, query) > 0 == expectHits)
            {
                return;
            }
            await Task.Delay(250, Token);
        }
        Assert.Fail($"\"{query}\" did not become searchable within three minutes.");
    }
}
