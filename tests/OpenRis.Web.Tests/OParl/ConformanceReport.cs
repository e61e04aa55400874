using System.Text;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// Failures of a conformance run, grouped by rule, so that one systematic bug reads as one line
/// with a count and examples instead of drowning the others.
/// </summary>
public sealed class ConformanceReport
{
    private const int ExamplesPerRule = 8;
    private readonly SortedDictionary<string, List<string>> _failures = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _seen = [];
    private readonly Lock _lock = new();

    public void Fail(string rule, string detail)
    {
        lock (_lock)
        {
            // The same page reached twice (as first and as last) tells the same thing twice.
            if (!_seen.Add((rule, detail)))
            {
                return;
            }
            if (!_failures.TryGetValue(rule, out var details))
            {
                _failures[rule] = details = [];
            }
            details.Add(detail);
        }
    }

    public int Count => _failures.Values.Sum(d => d.Count);

    public IReadOnlyCollection<string> Rules => _failures.Keys;

    public bool Has(string rule) => _failures.ContainsKey(rule);

    public IReadOnlyList<string> Details(string rule) => _failures.TryGetValue(rule, out var details) ? details : [];

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (rule, details) in _failures)
        {
            text.Append(rule).Append(": ").Append(details.Count).AppendLine(details.Count == 1 ? " failure" : " failures");
            foreach (var detail in details.Take(ExamplesPerRule))
            {
                text.Append("    ").AppendLine(detail);
            }
            if (details.Count > ExamplesPerRule)
            {
                text.Append("    … and ").Append(details.Count - ExamplesPerRule).AppendLine(" more");
            }
        }
        return text.ToString();
    }

    /// <summary>The failures of the rules a test is about (the others are another test's business).</summary>
    public ConformanceReport Only(Func<string, bool> rules)
    {
        var only = new ConformanceReport();
        foreach (var (rule, details) in _failures.Where(f => rules(f.Key)))
        {
            details.ForEach(d => only.Fail(rule, d));
        }
        return only;
    }

    /// <summary>Rules about lists and the HTTP around them, not about the objects in them.</summary>
    public static bool IsListRule(string rule) =>
        rule.StartsWith("spec:list", StringComparison.Ordinal) || rule.StartsWith("checklist:list", StringComparison.Ordinal) || rule is "spec:cors" or "spec:json" or "spec:bom" or "spec:no-cookies" or "checklist:content-type"
        or "spec:type-mismatch" or "spec:tombstone-without-modified_since" or "spec:error-status";

    /// <summary>Rules about what refers to what: links, embedding, lists, tombstones.</summary>
    public static bool IsReferenceRule(string rule) =>
        rule is "spec:link-resolves" or "checklist:link-to-deleted" or "spec:embedded-fetchable" or "spec:embedded-deleted" or "spec:object-not-in-list"
            or "spec:organization-list" or "spec:backreference-embedded" or "spec:tombstone-without-modified_since" or "spec:standalone-backreference"
            or "spec:type" or "spec:id-equals-url";

    /// <summary>Fails the test with every rule that was broken, if any was.</summary>
    public void AssertClean(string what)
    {
        if (Count > 0)
        {
            Assert.Fail($"{what}: {Count} conformance failures in {_failures.Count} rules\n{this}");
        }
    }
}
