using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

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
    }

    private static async Task<(Process Process, string Url)> StartAsync(TestDatabase database, int indexDelay)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openris.dll"), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Search__IndexDelayMilliseconds"] = indexDelay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Search__PollMilliseconds"] = "100";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url + "/healthz"), Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (process, url);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.False(process.HasExited, "OpenRIS exited during start");
            await Task.Delay(200, Token);
        }
        Kill(process);
        throw new TimeoutException("OpenRIS did not start within two minutes.");
    }

    private static void Kill(Process process)
    {
        // SIGKILL: no shutdown hooks, no final commit — what a power cut does.
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

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
