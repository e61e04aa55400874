using OpenRis.Web.Data;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Search;

/// <summary><c>openris search rebuild</c>: indexes everything again from the database (after a restore, or to repair).</summary>
internal static class SearchCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1] != "rebuild")
        {
            await Console.Error.WriteLineAsync("openris: Aufruf: openris search rebuild");
            return 2;
        }
        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var index = services.GetRequiredService<SearchIndex>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await index.RebuildAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, output, CancellationToken.None);
        await output.WriteLineAsync($"Suchindex neu aufgebaut in {index.Path} ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s).");
        return 0;
    }
}
