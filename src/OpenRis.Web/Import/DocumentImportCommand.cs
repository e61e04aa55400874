using OpenRis.Documents.Import;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Import;

/// <summary>
/// <c>openris import documents &lt;folder&gt;</c>: every .pdf/.md/.txt below the folder becomes an import
/// proposal for the council office's review (/arbeitsbereich/import), with one report line per file.
/// </summary>
public static class DocumentImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        // Settings (--Key=value) may stand before the folder; after an absolute folder the host's
        // configuration reader would take the next argument as the folder's "value", so the folder goes last.
        var given = args.Skip(2).FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));
        if (given is null)
        {
            await output.WriteLineAsync("Aufruf: openris import documents [--Einstellung=Wert …] <Ordner>");
            return 2;
        }
        var folder = Path.GetFullPath(given);
        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"openris: Ordner {folder} nicht gefunden.");
            return 2;
        }
        await services.PrepareDatabaseAsync();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => DocumentImport.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        var outcomes = new List<ImportOutcome>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(folder, file);
            ImportOutcome outcome;
            // Each file in its own scope, so that one refused save does not poison the next.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
                var pdfText = scope.ServiceProvider.GetRequiredService<PdfText>();
                outcome = new FileInfo(file).Length > SourceText.MaxBytes
                    ? new ImportOutcome(name, ImportOutcomeKind.Rejected, $"größer als {SourceText.MaxBytes / (1024 * 1024)} MB, nicht gelesen")
                    : await DocumentImport.ProposeAsync(db, pdfText, await File.ReadAllBytesAsync(file), name, "Ordner", "openris import documents", CancellationToken.None);
            }
            outcomes.Add(outcome);
            await output.WriteLineAsync($"{outcome.Label,-9} {name}: {outcome.Message}");
        }
        await output.WriteLineAsync(
            $"{files.Count} Dateien: {outcomes.Count(o => o.Kind == ImportOutcomeKind.Ok)} ok, {outcomes.Count(o => o.Kind == ImportOutcomeKind.Warning)} mit Warnung, "
            + $"{outcomes.Count(o => o.Kind == ImportOutcomeKind.Rejected)} abgelehnt. Prüfen unter /arbeitsbereich/import.");
        return 0;
    }
}
