using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Hosting;

namespace OpenRis.Web.Demo;

/// <summary>
/// <c>openris generate [--papers N] [--seed S] [--texts DIR] [--name NAME]</c>: a synthetic
/// municipality beside whatever the database holds, for benchmarks and load tests.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage = """
        Aufruf: openris generate [--papers N] [--seed S] [--texts ORDNER] [--name NAME]

          --papers N      Anzahl der Vorlagen (Standard 1000)
          --seed S        Startwert des Zufallsgenerators; gleicher Wert, gleiche Daten (Standard 1)
          --texts ORDNER  Ordner mit echten Ratstexten (*.txt); Standard: shared/data/texts,
                          gesucht ab dem aktuellen Ordner und ab dem Programmordner aufwärts
          --name NAME     Name der Körperschaft (Standard "Stadt Musterhausen (generiert)")
        """;

    private const int MaxPapers = 10_000_000;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var parsed = Parse(args);
        if (parsed.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }
        if (parsed.Error is not null)
        {
            await output.WriteLineAsync($"openris generate: {parsed.Error}\n\n{Usage}");
            return 2;
        }
        var texts = parsed.Texts ?? MunicipalityGenerator.FindTextsDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (texts is null)
        {
            await output.WriteLineAsync("openris generate: Der Textordner shared/data/texts wurde weder über dem aktuellen Ordner noch über dem Programmordner gefunden. Bitte mit --texts ORDNER angeben.");
            return 2;
        }
        if (!Directory.Exists(texts))
        {
            await output.WriteLineAsync($"openris generate: Der Textordner \"{texts}\" existiert nicht.");
            return 2;
        }
        if (!Directory.EnumerateFiles(texts, "*.txt", SearchOption.AllDirectories).Any())
        {
            await output.WriteLineAsync($"openris generate: Im Textordner \"{texts}\" liegen keine .txt-Dateien.");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "openris generate";
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var name = parsed.Name ?? GeneratorOptions.DefaultName;
        if (await db.Bodies.IgnoreQueryFilters().AnyAsync(b => b.Name == name))
        {
            await output.WriteLineAsync($"openris generate: Die Datenbank enthält schon eine Körperschaft \"{name}\". Bitte mit --name einen anderen Namen wählen.");
            return 2;
        }

        var options = new GeneratorOptions { Papers = parsed.Papers, Seed = parsed.Seed, TextsDirectory = texts, Name = name };
        await output.WriteLineAsync(Invariant($"Erzeuge \"{name}\" mit {options.Papers} Vorlagen (Seed {options.Seed}, Texte aus {texts}) …"));
        var clock = Stopwatch.StartNew();
        var progress = new ProgressPrinter(output);
        var summary = await MunicipalityGenerator.GenerateAsync(db, files, options, progress.Report);
        clock.Stop();

        await output.WriteLineAsync(Invariant($"""
            Fertig: {summary.BodyName} (AGS {summary.Ags}, Body-Id {summary.BodyId})
              Wahlperioden:        {summary.LegislativeTerms}
              Orte:                {summary.Locations}
              Organisationen:      {summary.Organizations}
              Personen:            {summary.Persons}
              Mitgliedschaften:    {summary.Memberships}
              Sitzungen:           {summary.Meetings}
              Tagesordnungspunkte: {summary.AgendaItems}
              Vorlagen:            {summary.Papers}
              Beratungen:          {summary.Consultations}
              Dateien:             {summary.Files} (aus {summary.Texts} Texten)
              Fragen:              {summary.Questions}
              Verweise:            {summary.PaperReferences}
            Dauer: {clock.Elapsed.TotalSeconds:0.0} s ({summary.Papers / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} Vorlagen/s)
            """));
        return 0;
    }

    internal sealed record Arguments(int Papers, int Seed, string? Texts, string? Name, bool Help, string? Error);

    /// <summary>
    /// Reads the generator's own options. The verb and host settings (<c>--Key:Sub=value</c>,
    /// <c>--Key:Sub value</c>) are left to the host; anything else is an error.
    /// </summary>
    internal static Arguments Parse(string[] args)
    {
        int papers = 1000, seed = 1;
        string? texts = null, name = null;
        var verbSeen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var (key, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            string? Value() => inline ?? (i + 1 < args.Length ? args[++i] : null);
            switch (key)
            {
                case "generate" when !verbSeen:
                    verbSeen = true;
                    break;
                case "--environment" or "--contentRoot" or "--applicationName" or "--urls":
                    // Host options; the host has read them already.
                    Value();
                    break;
                case "--help" or "-h" or "help":
                    return new Arguments(papers, seed, texts, name, Help: true, null);
                case "--papers":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out papers) || papers is < 1 or > MaxPapers)
                    {
                        return Fail(Invariant($"--papers erwartet eine ganze Zahl von 1 bis {MaxPapers}."));
                    }
                    break;
                case "--seed":
                    if (!int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                    {
                        return Fail("--seed erwartet eine ganze Zahl.");
                    }
                    break;
                case "--texts":
                    texts = Value();
                    if (string.IsNullOrWhiteSpace(texts))
                    {
                        return Fail("--texts erwartet einen Ordner.");
                    }
                    texts = Path.GetFullPath(texts);
                    break;
                case "--name":
                    name = Value()?.Trim();
                    if (string.IsNullOrEmpty(name) || name.Length > 200)
                    {
                        return Fail("--name erwartet einen Namen mit 1 bis 200 Zeichen.");
                    }
                    break;
                case var setting when setting.Contains(':', StringComparison.Ordinal) && setting.TrimStart('-', '/').Length > 0:
                    // A host setting such as --ConnectionStrings:OpenRis=…; its value may follow as the next argument.
                    if (inline is null && !setting.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                    {
                        i++;
                    }
                    break;
                default:
                    return Fail($"unbekannte Angabe \"{arg}\".");
            }
        }
        return new Arguments(papers, seed, texts, name, Help: false, null);

        Arguments Fail(string error) => new(papers, seed, texts, name, Help: false, error);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line per phase every 5 % or every five seconds, whichever comes first, with the rate.</summary>
    private sealed class ProgressPrinter(TextWriter output)
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private readonly Stopwatch _phaseClock = new();
        private string? _phase;
        private int _lastPercent;
        private TimeSpan _lastPrint;

        public void Report(GenerationProgress progress)
        {
            if (progress.Phase != _phase)
            {
                _phase = progress.Phase;
                _phaseClock.Restart();
                _lastPercent = 0;
                _lastPrint = TimeSpan.Zero;
            }
            if (progress.Done == 0)
            {
                return;
            }
            var percent = (int)(100L * progress.Done / Math.Max(progress.Total, 1));
            var elapsed = _phaseClock.Elapsed;
            if (progress.Done < progress.Total && percent < _lastPercent + 5 && elapsed - _lastPrint < Interval)
            {
                return;
            }
            _lastPercent = percent - (percent % 5);
            _lastPrint = elapsed;
            var rate = progress.Done / Math.Max(elapsed.TotalSeconds, 0.001);
            output.WriteLine(progress.Total <= 1
                ? Invariant($"{progress.Phase}: fertig ({elapsed.TotalSeconds:0.0} s)")
                : Invariant($"{progress.Phase}: {progress.Done}/{progress.Total} ({rate:0}/s)"));
        }
    }
}
