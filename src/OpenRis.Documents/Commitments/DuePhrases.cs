using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRis.Documents.Commitments;

/// <summary>
/// German due-date wordings and the day each stands for. A vague period resolves to its last day,
/// because a due date is the latest day the promise is still kept:
/// "Mitte 2019" → 30.06.2019 (end of the first half), "Anfang 2019" → 31.03.2019,
/// seasons are meteorological ("im Herbst 2019" → 30.11.2019, "Frühjahr" → 31.05.,
/// "Sommer" → 31.08., "Winter 2019" → 28./29.02. of the next year).
/// </summary>
internal static partial class DuePhrases
{
    private const string Months = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

    // Prepositions that make a date a target; "vom 14.09.2018" or a bare date is a reference, not a due date.
    private const string Lead = @"\b(?:(?:bis\s+)?(?:spätestens\s+)?(?:zum|am|bis|zu)\s+)";

    [GeneratedRegex(Lead + @"(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumericDate();

    [GeneratedRegex(Lead + @"(?<d>\d{1,2})\.\s*(?<month>" + Months + @")\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(?:Ende|Abschluss)\s+des\s+(?<q>[1-4])\.\s*Quartals\s+(?<y>\d{4})\b|\b(?:im|bis\s+zum|zum)\s+(?<q>[1-4])\.\s*Quartal\s+(?<y>\d{4})\b|\b(?:im|bis\s+zum)\s+(?<qw>ersten|zweiten|dritten|vierten)\s+Quartal\s+(?<y>\d{4})\b|\bEnde\s+des\s+(?<qw>ersten|zweiten|dritten|vierten)\s+Quartals\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(?:im|bis\s+zum|zum|Ende\s+des)\s+(?:(?<h>ersten|zweiten)|(?<hn>[12])\.)\s*Halbjahr(?:es|s)?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"\b(?<w>Anfang|Mitte|Ende)\s+(?<month>" + Months + @")\s+(?<y>\d{4})\b|\bim\s+(?<month>" + Months + @")\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthPeriod();

    [GeneratedRegex(@"\b(?<w>Anfang|Mitte|Ende)\s+(?:des\s+Jahres\s+)?(?<y>\d{4})\b|\b(?:im\s+(?:Laufe\s+des\s+)?Jahr(?:es)?|in)\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearPeriod();

    [GeneratedRegex(@"\b(?:bis\s+(?:zum\s+)?)?(?:Jahresende|Ende\s+des\s+(?:laufenden\s+)?Jahres)(?!\s+\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisYearEnd();

    [GeneratedRegex(@"\b(?:im|bis\s+zum)\s+(?<s>Frühjahr|Frühling|Sommer|Herbst|Winter)\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Season();

    /// <summary>Every due-date phrase in the sentence with its day, in order of appearance; a span is used once.</summary>
    public static IEnumerable<(Match Match, DateOnly Due)> Find(string sentence, DateOnly documentDate)
    {
        var found = new List<(Match, DateOnly)>();
        Add(found, NumericDate(), sentence, m => Numeric(m));
        Add(found, WrittenDate(), sentence, m => Day(Year(m), MonthNumber(m.Groups["month"].Value), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)));
        Add(found, Quarter(), sentence, m => QuarterEnd(Year(m), m.Groups["q"].Success ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) : Ordinal(m.Groups["qw"].Value)));
        Add(found, HalfYear(), sentence, m => m.Groups["h"].Value.Equals("ersten", StringComparison.OrdinalIgnoreCase) || m.Groups["hn"].Value == "1" ? new DateOnly(Year(m), 6, 30) : new DateOnly(Year(m), 12, 31));
        Add(found, MonthPeriod(), sentence, m => MonthPart(Year(m), MonthNumber(m.Groups["month"].Value), m.Groups["w"].Value));
        Add(found, YearPeriod(), sentence, m => m.Groups["w"].Value.ToUpperInvariant() switch
        {
            "ANFANG" => new DateOnly(Year(m), 3, 31),
            "MITTE" => new DateOnly(Year(m), 6, 30),
            _ => new DateOnly(Year(m), 12, 31),
        });
        Add(found, ThisYearEnd(), sentence, _ => new DateOnly(documentDate.Year, 12, 31));
        Add(found, Season(), sentence, m => SeasonEnd(Year(m), m.Groups["s"].Value));
        return found.OrderBy(f => f.Item1.Index);
    }

    private static void Add(List<(Match, DateOnly)> found, Regex regex, string sentence, Func<Match, DateOnly?> day)
    {
        foreach (Match match in regex.Matches(sentence))
        {
            var overlaps = found.Any(f => match.Index < f.Item1.Index + f.Item1.Length && f.Item1.Index < match.Index + match.Length);
            if (!overlaps && day(match) is { } due)
            {
                found.Add((match, due));
            }
        }
    }

    private static int Year(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return y < 100 ? 2000 + y : y;
    }

    private static DateOnly? Numeric(Match m) =>
        Day(Year(m), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));

    /// <summary>Null for impossible dates ("31.02.2019"): no suggestion rather than a wrong one.</summary>
    private static DateOnly? Day(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int MonthNumber(string name) =>
        Array.FindIndex(Months.Split('|'), m => m.Equals(name, StringComparison.OrdinalIgnoreCase)) + 1;

    private static int Ordinal(string word) => word.ToUpperInvariant() switch
    {
        "ERSTEN" => 1,
        "ZWEITEN" => 2,
        "DRITTEN" => 3,
        _ => 4,
    };

    private static DateOnly QuarterEnd(int year, int quarter) =>
        new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);

    private static DateOnly MonthPart(int year, int month, string part) => part.ToUpperInvariant() switch
    {
        "ANFANG" => new DateOnly(year, month, 10),
        "MITTE" => new DateOnly(year, month, 15),
        _ => new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
    };

    private static DateOnly SeasonEnd(int year, string season) => season.ToUpperInvariant() switch
    {
        "FRÜHJAHR" or "FRÜHLING" => new DateOnly(year, 5, 31),
        "SOMMER" => new DateOnly(year, 8, 31),
        "HERBST" => new DateOnly(year, 11, 30),
        _ => new DateOnly(year + 1, 3, 1).AddDays(-1),
    };
}
