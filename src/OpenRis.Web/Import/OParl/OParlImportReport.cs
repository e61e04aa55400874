using System.Collections.Concurrent;
using System.Globalization;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// What a run did: objects per type and outcome, and vendor defects per kind with one example each.
/// Defects are counted, never fatal; <see cref="Failure"/> says why a run stopped early.
/// </summary>
public sealed class OParlImportReport
{
    private readonly ConcurrentDictionary<(string Type, string Outcome), int> _counts = new();
    private readonly ConcurrentDictionary<string, (int Count, string Example)> _defects = new();
    private readonly ConcurrentDictionary<string, (TimeSpan Wall, TimeSpan Cpu)> _phases = new();

    public const string Created = "neu";
    public const string Updated = "geändert";
    public const string Unchanged = "unverändert";
    public const string Deleted = "gelöscht";

    /// <summary>Null when the run completed.</summary>
    public string? Failure { get; set; }

    public bool Resumed { get; set; }
    public string? Vendor { get; set; }
    public int Pages { get; set; }
    private long _fileBytes;
    private int _filesDownloaded;

    public long FileBytes => Interlocked.Read(ref _fileBytes);
    public int FilesDownloaded => Volatile.Read(ref _filesDownloaded);

    public void Downloaded(long bytes)
    {
        Interlocked.Add(ref _fileBytes, bytes);
        Interlocked.Increment(ref _filesDownloaded);
    }

    public void Count(string type, string outcome) => _counts.AddOrUpdate((type, outcome), 1, (_, n) => n + 1);

    public void Defect(string kind, string example) =>
        _defects.AddOrUpdate(kind, (1, example), (_, d) => (d.Count + 1, d.Example));

    /// <summary>At most this many dropped objects are named one by one; the rest are counted.</summary>
    public const int MaxDroppedLines = 1000;

    private readonly ConcurrentQueue<string> _dropped = new();
    private int _droppedBeyond;

    /// <summary>
    /// A defect that costs an object (no usable id, the wrong type, an id met twice): counted like any
    /// defect and also named on a line of its own with its page and position, so that it can be found
    /// at the source.
    /// </summary>
    public void Dropped(string kind, string where)
    {
        Defect(kind, where);
        if (_dropped.Count < MaxDroppedLines)
        {
            _dropped.Enqueue($"{kind}: {where}");
        }
        else
        {
            Interlocked.Increment(ref _droppedBeyond);
        }
    }

    /// <summary>Where a phase of the run (waiting for the source, mapping, writing …) starts; see <see cref="Phase"/>.</summary>
    public static (long Wall, TimeSpan Cpu) Mark() => (System.Diagnostics.Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>
    /// Adds the wall-clock and the process CPU time since <paramref name="start"/> to a phase, for the
    /// end report. On a shared machine the CPU time says what the work costs, the wall clock what it took.
    /// </summary>
    public void Phase(string name, (long Wall, TimeSpan Cpu) start)
    {
        var elapsed = (System.Diagnostics.Stopwatch.GetElapsedTime(start.Wall), Environment.CpuUsage.TotalTime - start.Cpu);
        _phases.AddOrUpdate(name, elapsed, (_, t) => (t.Wall + elapsed.Item1, t.Cpu + elapsed.Item2));
    }

    public int CountOf(string type, string outcome) => _counts.GetValueOrDefault((type, outcome));

    public int Total(string outcome) => _counts.Where(c => c.Key.Outcome == outcome).Sum(c => c.Value);

    /// <summary>Objects read from the source, whatever the outcome.</summary>
    public int Objects => _counts.Sum(c => c.Value);

    public int DefectCount(string kind) => _defects.TryGetValue(kind, out var d) ? d.Count : 0;

    public IReadOnlyDictionary<string, int> Defects => _defects.ToDictionary(d => d.Key, d => d.Value.Count);

    public string Render(TimeSpan elapsed)
    {
        var lines = new List<string>();
        foreach (var type in _counts.Keys.Select(k => k.Type).Distinct().Order(StringComparer.Ordinal))
        {
            lines.Add(Invariant($"  {type,-16} {CountOf(type, Created),7} neu {CountOf(type, Updated),7} geändert {CountOf(type, Unchanged),7} unverändert {CountOf(type, Deleted),5} gelöscht"));
        }
        if (_defects.IsEmpty)
        {
            lines.Add("Mängel der Quelle: keine");
        }
        else
        {
            lines.Add("Mängel der Quelle (nicht fatal):");
            foreach (var (kind, (count, example)) in _defects.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                lines.Add(Invariant($"  {kind,-28} {count,6}×  z. B. {example}"));
            }
        }
        if (!_dropped.IsEmpty)
        {
            lines.Add("Nicht übernommene Objekte:");
            lines.AddRange(_dropped.Select(d => "  " + d));
            if (_droppedBeyond > 0)
            {
                lines.Add(Invariant($"  … und {_droppedBeyond} weitere"));
            }
        }
        var rate = Objects / Math.Max(elapsed.TotalSeconds, 0.001);
        if (!_phases.IsEmpty)
        {
            lines.Add("Zeiten: " + string.Join(", ", _phases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key} {p.Value.Wall.TotalSeconds:0.0} s (CPU {p.Value.Cpu.TotalSeconds:0.0} s)"))));
        }
        lines.Add(Invariant($"{Objects} Objekte, {Pages} Seiten, {FilesDownloaded} Dateien ({FileBytes / 1024} KiB) in {elapsed.TotalSeconds:0.0} s ({rate:0} Objekte/s)"));
        lines.Add(Failure is null ? "Import abgeschlossen." : $"Import abgebrochen: {Failure}");
        return string.Join('\n', lines);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
