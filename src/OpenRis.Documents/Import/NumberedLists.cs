using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRis.Documents.Import;

/// <summary>
/// The numbered questions of an inquiry and the numbered answers of a statement. A list starts at 1
/// and counts up by one, so dates ("14. September 2018") and meeting ordinals ("17. Sitzung") are not
/// taken for items. Questions end at a blank line; answers may run over several paragraphs.
/// </summary>
internal static partial class NumberedLists
{
    public static void Read(ParsedPaper paper, List<SourceLine> lines)
    {
        switch (paper.Kind?.Value)
        {
            case "Anfrage":
                paper.Questions.AddRange(FirstList(lines, paragraphs: false));
                break;
            case "Stellungnahme":
                foreach (var item in FirstList(lines, paragraphs: true))
                {
                    paper.Answers.Add(SplitRepeatedQuestion(item));
                }
                break;
            default:
                break;
        }
    }

    private static List<ParsedField<NumberedItem>> FirstList(List<SourceLine> lines, bool paragraphs)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (ItemStart(lines[i].Text) is (1, _))
            {
                var list = ListFrom(lines, i, paragraphs);
                if (list.Count > 0)
                {
                    return list;
                }
            }
        }
        return [];
    }

    private static List<ParsedField<NumberedItem>> ListFrom(List<SourceLine> lines, int start, bool paragraphs)
    {
        var items = new List<(SourceLine Line, int Number, List<string> Paragraphs)>();
        var blank = false;
        for (var i = start; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (text.Length == 0 || PageFurniture().IsMatch(text))
            {
                blank |= text.Length == 0;
                continue;
            }
            var next = items.Count + 1;
            if (ItemStart(text) is ({ } n, { } first) && n == next)
            {
                items.Add((lines[i], n, [first]));
                blank = false;
                continue;
            }
            if (items.Count == 0 || Stop().IsMatch(text) || (blank && !paragraphs) || ItemStart(text) is (1, _))
            {
                break;
            }
            var current = items[^1].Paragraphs;
            if (blank)
            {
                current.Add(text);
            }
            else
            {
                current[^1] = PaperFields.Join([current[^1], text]);
            }
            blank = false;
        }
        // A single "1." is more often a heading than a list.
        var confidence = items.Count > 1 ? 0.85 : 0.5;
        return items.Select(item => new ParsedField<NumberedItem>(
            new NumberedItem(item.Number, string.Join("\n\n", item.Paragraphs)), confidence, item.Line.Number, item.Line.Text)).ToList();
    }

    // Karlsruhe repeats each question before its answer: "1. Warum …?" / answer paragraphs.
    private static ParsedField<NumberedItem> SplitRepeatedQuestion(ParsedField<NumberedItem> item)
    {
        var parts = item.Value.Text.Split("\n\n", 2);
        return parts.Length == 2 && parts[0].TrimEnd().EndsWith('?')
            ? item with { Value = item.Value with { Text = parts[1], Question = parts[0] } }
            : item;
    }

    private static (int? Number, string? Text) ItemStart(string line)
    {
        var match = Item().Match(line);
        if (!match.Success || WrittenDate().IsMatch(line))
        {
            return (null, null);
        }
        return (int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["text"].Value.Trim());
    }

    [GeneratedRegex(@"^(?:Zu\s+(?:Frage\s+)?|Frage\s+)?(?<n>\d{1,2})(?:[.)]\s+|:\s*)(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    [GeneratedRegex(@"^\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^(?:gez\.|Mit freundlichen|Begründung|Kurzfassung|Sachverhalt|Finanzielle Auswirkungen|Unterzeichnet|Beschlussvorschlag|Anlage|Belange|Inklusion|Beratungsergebnis)", RegexOptions.CultureInvariant)]
    private static partial Regex Stop();

    [GeneratedRegex(@"^(?:-\s*\d+\s*-|Seite \d+ von \d+|-- \d+ of \d+ --)$", RegexOptions.CultureInvariant)]
    private static partial Regex PageFurniture();
}
