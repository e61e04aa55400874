using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>The real <c>openris</c> executable against a <see cref="TestDatabase"/>: a server to kill with SIGKILL, or a verb run to its end.</summary>
internal static class OpenRisProcess
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ProcessStartInfo StartInfo(TestDatabase database, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openris.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in database.Settings().Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return start;
    }

    /// <summary>Starts the server on a free loopback port and waits until /healthz answers.</summary>
    public static async Task<(Process Process, string Url)> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        // OParl answers at its canonical address only (others are redirected there): this server's own.
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["OParl:BaseUrl"] = url };
        var process = Process.Start(StartInfo(database, ["--urls", url], settings))!;
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

    /// <summary>A client of the running server, signed in as a demo account, with its own cookies.</summary>
    public static async Task<HttpClient> SignInAsync(string url, string userName)
    {
#pragma warning disable CA2000 // the client owns its handler
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
#pragma warning restore CA2000
        using var response = await client.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = userName, ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no final commit — what a power cut does.</summary>
    public static void Kill(Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>Runs a verb (<c>check</c>, <c>search rebuild</c> …) to its end; its exit code and everything it wrote.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args) => RunAsync(database, null, args);

    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(database, environment, output, args);
        await process.WaitForExitAsync(Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts a verb without waiting for it (to kill it midway); what it writes goes to <paramref name="output"/>.</summary>
    public static Process Start(TestDatabase database, IReadOnlyDictionary<string, string>? environment, StringBuilder output, params string[] args)
    {
        var process = Process.Start(StartInfo(database, args, environment))!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
