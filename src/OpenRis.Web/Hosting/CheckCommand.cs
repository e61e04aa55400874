using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Search;

namespace OpenRis.Web.Hosting;

/// <summary>
/// <c>openris check [--repair]</c>: the invariants of <see cref="InvariantCheck"/>, for this node while
/// its server is stopped (it opens the node's search index). Like every start of the node it first
/// applies the search outbox; what is wrong after that is reported, one line each, and exit code 1.
/// <c>--repair</c> removes orphan contents and rebuilds an index that still disagrees with the database.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var repair = args.Skip(1).Contains("--repair");
        if (args.Skip(1).Any(a => a != "--repair"))
        {
            await Console.Error.WriteLineAsync("openris: Aufruf: openris check [--repair]");
            return 2;
        }
        await services.PrepareDatabaseAsync();
        var cancellationToken = CancellationToken.None;
        var index = services.GetRequiredService<SearchIndex>();
        var before = index.Position;
        await services.GetRequiredService<SearchIndexer>().CatchUpAsync(cancellationToken);
        if (index.Position > before && before >= 0)
        {
            await output.WriteLineAsync($"Suchindex: {index.Position - before} ausstehende Änderungen aus der Warteschlange übernommen.");
        }

        var findings = await FindAsync(services, repair, output, cancellationToken);
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(finding);
        }
        await output.WriteLineAsync(findings.Count == 0 ? "Prüfung: keine Fehler gefunden." : $"Prüfung: {findings.Count} Fehler gefunden.");
        return findings.Count == 0 ? 0 : 1;
    }

    private static async Task<List<string>> FindAsync(IServiceProvider services, bool repair, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var store = services.GetRequiredService<FileStore>();
        var index = services.GetRequiredService<SearchIndex>();

        var findings = await InvariantCheck.PapersAsync(db, cancellationToken);
        var (fileFindings, orphans) = await InvariantCheck.FilesAsync(db, store, cancellationToken);
        if (repair && orphans.Count > 0)
        {
            foreach (var orphan in orphans)
            {
                File.Delete(orphan);
            }
            await output.WriteLineAsync($"Reparatur: {orphans.Count} verwaiste Dateien entfernt.");
            (fileFindings, _) = await InvariantCheck.FilesAsync(db, store, cancellationToken);
        }
        findings.AddRange(fileFindings);
        findings.AddRange(await InvariantCheck.OParlAsync(db, services.GetRequiredService<OpenRis.Web.OParl.OParlProjection>(), cancellationToken));

        var indexFindings = await InvariantCheck.SearchIndexAsync(db, index, cancellationToken);
        if (repair && indexFindings.Count > 0)
        {
            await index.RebuildAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, null, cancellationToken);
            await output.WriteLineAsync($"Reparatur: Suchindex neu aufgebaut ({indexFindings.Count} Abweichungen).");
            indexFindings = await InvariantCheck.SearchIndexAsync(db, index, cancellationToken);
        }
        findings.AddRange(indexFindings);
        return findings;
    }
}
