using System.Diagnostics;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// A broken database configuration stops the real program with one clear line, never a stack trace.
/// These start the built <c>openris</c> executable as a process, as an operator would.
/// </summary>
public sealed class StartupErrorsTests
{
    public static TheoryData<string, string, string, string> BrokenSettings => new()
    {
        { "Postgres", "Host=127.0.0.1;Port=1;Username=openris;Password=x;Timeout=3", "cannot use the PostgreSQL database", "unreachable server" },
        { "Postgres", "das ist kein Verbindungstext", "cannot use the PostgreSQL database", "garbage connection string" },
        { "Postgres", "", "ConnectionStrings:OpenRis is not set", "missing connection string" },
        { "Sqlite", "Data Sorce=x.db", "not a valid SQLite connection string", "misspelt keyword" },
        { "Sqlite", "Data Source=/proc/openris/nicht-da/openris.db", "cannot create the folder", "folder that cannot be created" },
        { "Oracle", "", "Database:Provider is Sqlite or Postgres", "unknown provider" },
    };

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task Start_WithBrokenDatabaseSettings_StopsWithOneClearMessage(string provider, string connectionString, string expected, string because)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("openris-start-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openris.dll"), "migrate"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__OpenRis"] = connectionString;
        start.Environment["Files__Root"] = Path.Combine(workingDirectory, "files");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var all = await output + await error;

        Assert.True(process.ExitCode == 1, $"{because}: exit code {process.ExitCode}\n{all}");
        var message = (await error).Trim();
        Assert.StartsWith("openris: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openris.dll"), "help"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        foreach (var verb in new[] { "serve", "migrate", "seed", "generate" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownVerb_ExitsWithUsage()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openris.dll"), "frobnicate"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("unbekannter Befehl", error, StringComparison.Ordinal);
    }
}
