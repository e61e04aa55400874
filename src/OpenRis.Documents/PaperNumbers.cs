using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRis.Documents;

/// <summary>
/// Finds Drucksachennummern in running text ("Vorlagennummer 1159/2017", "Vorlage 0853/2018",
/// "DS 0930/2018", "Drucksache 0930-2018", "930/18") and brings them to one canonical form,
/// four-digit number and four-digit year ("0930/2018", amendments "0885-1/2013").
/// </summary>
public static partial class PaperNumbers
{
    // A number needs either a leading keyword or the full NNNN/YYYY shape, so that "1/2" or a
    // page range is not taken for a paper.
    [GeneratedRegex(
        @"(?<keyword>\b(?:Vorlagen-?(?:nummer|nr\.?)|Vorlage|Drucksachen-?(?:nummer|nr\.?)|Drucksache|DS|Ds\.|Anfrage|Antrag):?\s*(?:Nr\.?\s*)?)?(?<!\d)(?<number>\d{1,4})(?:-(?<suffix>\d{1,2}))?(?<separator>[/-])(?<year>\d{4}|\d{2})(?![\d/])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static IReadOnlyList<PaperNumberMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PaperNumberMatch>();
        foreach (Match match in Pattern().Matches(text))
        {
            var hasKeyword = match.Groups["keyword"].Success;
            var fullShape = match.Groups["number"].Length == 4 && match.Groups["year"].Length == 4 && match.Groups["separator"].Value == "/";
            if (!hasKeyword && !fullShape)
            {
                continue;
            }
            if (Canonical(match) is { } canonical)
            {
                found.Add(new PaperNumberMatch(canonical, match.Value.Trim(), match.Index));
            }
        }
        return found;
    }

    /// <summary>The canonical form of a number typed in any usual spelling, or null if it is none.</summary>
    public static string? Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var match = Pattern().Match(input.Trim());
        return match.Success ? Canonical(match) : null;
    }

    private static string? Canonical(Match match)
    {
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Length == 2)
        {
            year += year >= 50 ? 1900 : 2000;
        }
        if (number == 0 || year is < 1950 or > 2100)
        {
            return null;
        }
        var suffix = match.Groups["suffix"].Success ? $"-{int.Parse(match.Groups["suffix"].Value, CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{number:0000}{suffix}/{year}");
    }
}

/// <summary>A paper number found in text: its canonical form and the words as they stand.</summary>
public sealed record PaperNumberMatch(string Reference, string CitedAs, int Index);
