using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRis.Web.Model;

/// <summary>
/// A Drucksachennummer scheme as data: Hagen "{number:0000}/{year}" gives 0930/2018 and restarts
/// each year; Köln "AN/{number}/{year}" gives AN/1573/2010. Paper kinds name their sequence by key.
/// </summary>
public sealed partial class NumberSequence
{
    public long Id { get; set; }
    public string Key { get; set; } = "default";

    /// <summary>Placeholders: {number} or {number:0000} (a .NET number format), {year}.</summary>
    public string Pattern { get; set; } = "{number:0000}/{year}";

    /// <summary>Counting restarts at 1 every calendar year (Hagen); otherwise it runs on.</summary>
    public bool ResetsYearly { get; set; } = true;

    /// <summary>The counter row this sequence counts in for a given year.</summary>
    public int PeriodOf(int year) => ResetsYearly ? year : 0;

    public string Format(int number, int year)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return Placeholder().Replace(Pattern, m => m.Groups["name"].Value switch
        {
            "number" => number.ToString(m.Groups["format"].Success ? m.Groups["format"].Value : "0", CultureInfo.InvariantCulture),
            "year" => year.ToString(CultureInfo.InvariantCulture),
            _ => m.Value,
        });
    }

    [GeneratedRegex(@"\{(?<name>number|year)(?::(?<format>[0#]+))?\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// The last number given in one sequence and period. Incremented by one UPDATE in the transaction
/// that saves the registered paper, so numbers are unique and gapless even under concurrency.
/// </summary>
public sealed class NumberCounter
{
    public string SequenceKey { get; set; } = "";
    public int Period { get; set; }
    public int Last { get; set; }
}
