using System.Text.RegularExpressions;
using OpenRis.Documents.Official;

namespace OpenRis.Documents.Tests.Official;

/// <summary>The seed case as official documents: texts cut from the shared seed file, the rest as printed there.</summary>
internal static partial class SeedDocuments
{
    public static readonly Letterhead Letterhead = new(
        "Stadt Hagen",
        ["Der Oberbürgermeister"],
        ["Rathausstraße 13", "58095 Hagen"],
        "HAGEN – Stadt der FernUniversität");

    public static readonly TargetMeeting Council = new(new DateOnly(2018, 9, 27), "Rat der Stadt Hagen");

    /// <summary>The seed as a reader sees it: no Markdown emphasis, no hard-break marks.</summary>
    public static string Plain { get; } = SharedSeed.Text.Replace("**", "", StringComparison.Ordinal).Replace("  \n", "\n", StringComparison.Ordinal);

    public static IReadOnlyList<string> Questions { get; } = Numbered(Between("Anfragetext:", "Kurzfassung"));

    public static IReadOnlyList<string> LetterReasoning { get; } = Paragraphs(Between("### Begründung:", "Mit freundlichen Grüßen"));

    public static string StatementIntroduction => "Zur Anfrage der Fraktion Hagen Aktiv nimmt die Verwaltung wie folgt Stellung:";

    public static IReadOnlyList<StatementAnswer> Answers { get; } = SplitAnswers(Between(StatementIntroduction, "gez."));

    public static InquiryDocument Inquiry(string? reference = "0930/2018") => new(
        "Anfrage gem. § 5 Geschäftsordnung",
        "Fraktion Hagen Aktiv im Rat der Stadt Hagen",
        reference,
        new DateOnly(2018, 9, 14),
        Council,
        "Anfrage der Fraktion Hagen Aktiv",
        "E-Government - Digitalisierungsstrategie",
        Questions,
        null,
        null,
        [new ImpactStatement("Inklusion von Menschen mit Behinderung", "Belange von Menschen mit Behinderung sind nicht betroffen")],
        new CoverLetter(
            "HAGEN AKTIV",
            "Fraktion im Rat der Stadt Hagen, Rathausstraße 11, 58095 Hagen",
            ["Tel.: 0 23 31 / 207 – 55 28", "Fax: 0 23 31 / 207 – 55 30", "fraktion@fraktion-hagen-aktiv.de", "Internet: www.fraktion-hagen-aktiv.de"],
            ["Herrn Oberbürgermeister", "Erik O. Schulz", "Rathausstr. 13", "58095 Hagen"],
            new DateOnly(2018, 9, 14),
            "Anfrage nach § 5 GeschO: E-Government, hier: Digitalisierungsstrategie",
            "Sehr geehrter Herr Oberbürgermeister,",
            ["gemäß § 5 der Geschäftsordnung des Rates beantragen wir für die Sitzung des Rates am 27.09.2018 die Aufnahme des folgenden Tagesordnungspunktes."],
            "Wir bitten um die Beantwortung der folgenden Fragen:",
            LetterReasoning,
            "Mit freundlichen Grüßen",
            [new Signatory("Dr. Josef Bücker", "Fraktionsvorsitzender Hagen Aktiv"), new Signatory("Karin Nigbur-Martini", "Fraktionsgeschäftsführerin", ForTheRecord: true)]));

    public static StatementDocument Statement(IReadOnlyList<StatementAnswer>? answers = null) => new(
        "Öffentliche Stellungnahme",
        "0930/2018",
        new DateOnly(2018, 9, 27),
        "11",
        Council,
        "Anfrage der Fraktion Hagen Aktiv",
        "E-Government - Digitalisierungsstrategie",
        "0930/2018",
        StatementIntroduction,
        answers ?? Answers,
        new Signatory("Erik O. Schulz", "Oberbürgermeister"));

    /// <summary>White space collapsed, for comparing text that a renderer has wrapped into lines.</summary>
    public static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    private static string Between(string start, string end)
    {
        var from = Plain.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return Plain[from..Plain.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static List<string> Numbered(string block) =>
        [.. block.Split('\n').Where(l => ItemStart().IsMatch(l)).Select(l => ItemStart().Replace(l, "").Trim())];

    private static List<string> Paragraphs(string block) =>
        [.. block.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0)];

    /// <summary>"1. …" starts an answer; the plain paragraphs after it belong to it.</summary>
    private static List<StatementAnswer> SplitAnswers(string block)
    {
        var answers = new List<(int Number, List<string> Paragraphs)>();
        foreach (var line in block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (ItemStart().Match(line) is { Success: true } item)
            {
                answers.Add((int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), [line[item.Length..].Trim()]));
            }
            else
            {
                answers[^1].Paragraphs.Add(line);
            }
        }
        return [.. answers.Select(a => new StatementAnswer(a.Number, a.Paragraphs))];
    }

    [GeneratedRegex(@"^(\d+)\.\s+")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
