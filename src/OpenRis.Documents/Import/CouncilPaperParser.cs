using System.Text.RegularExpressions;

namespace OpenRis.Documents.Import;

/// <summary>
/// Reads legacy council documents (the text of a PDF, Markdown or plain text) into structured papers.
/// Heuristic by nature: every field carries a confidence and its source line, and a clerk reviews the
/// result before anything becomes a paper. Never throws on bad input; it says "no council paper" instead.
/// </summary>
public static partial class CouncilPaperParser
{
    /// <summary>Reads and parses a file's bytes; refused files (empty, binary, broken PDF) give the reason.</summary>
    public static ParsedDocument ParseFile(ReadOnlySpan<byte> content, string fileName)
    {
        var source = SourceText.Read(content, fileName);
        return source.RefusedBecause is { } reason ? ParsedDocument.NotAPaper(reason) : Parse(source.Lines);
    }

    /// <summary>Parses plain text (one line per line).</summary>
    public static ParsedDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(SourceText.PlainLines(text));
    }

    public static ParsedDocument Parse(IReadOnlyList<SourceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.All(l => l.Text.Length == 0))
        {
            return ParsedDocument.NotAPaper("Die Datei enthält keinen Text.");
        }
        var papers = new List<ParsedPaper>();
        string? notPaperKind = null;
        foreach (var (kind, range) in Split(lines))
        {
            if (kind is { Value: "Niederschrift" or "Einladung" or "Bekanntmachung" })
            {
                notPaperKind ??= kind.Value;
                continue;
            }
            var paper = new ParsedPaper { FirstLine = range[0].Number, LastLine = range[^1].Number, Kind = kind ?? KindFromText(range) };
            PaperFields.Read(paper, range);
            NumberedLists.Read(paper, range);
            papers.Add(paper);
        }
        if (papers.Count == 0 && notPaperKind is not null)
        {
            return ParsedDocument.NotAPaper($"{notPaperKind}, keine Drucksache.");
        }
        papers.RemoveAll(p => p.Kind is null && p.Number is null);
        // A paper with a clear kind heading stays a (weak) proposal for the clerk; without one, little found means noise.
        if (papers.Count == 0 || papers.All(p => p.Confidence < 0.25 && (p.Kind?.Confidence ?? 0) < 0.8))
        {
            return new ParsedDocument(papers, "Kein Ratsdokument erkannt: weder die Art (Anfrage, Antrag, Vorlage …) noch eine Drucksachennummer gefunden.");
        }
        return new ParsedDocument(papers, null);
    }

    /// <summary>
    /// Splits the lines into papers at kind headings ("ANFRAGE …", "ÖFFENTLICHE STELLUNGNAHME",
    /// "Stellungnahme zur Anfrage"). Lines before the first heading (letterhead, form header) belong to
    /// the first paper; a heading of the kind already open (the letter after the form) does not split.
    /// </summary>
    private static List<(ParsedField<string>? Kind, List<SourceLine> Lines)> Split(IReadOnlyList<SourceLine> lines)
    {
        var parts = new List<(ParsedField<string>? Kind, List<SourceLine> Lines)> { (null, []) };
        for (var i = 0; i < lines.Count; i++)
        {
            var kind = KindHeading(lines[i], nonEmptyBefore: parts.Count == 1 ? parts[0].Lines.Count(l => l.Text.Length > 0) : int.MaxValue);
            var current = parts[^1];
            if (kind is not null && current.Kind is null)
            {
                parts[^1] = (kind, current.Lines);
            }
            // A kind seen before in this file is a form footer or the letter behind the form, not a new paper.
            else if (kind is not null && parts.All(p => p.Kind?.Value != kind.Value))
            {
                parts.Add((kind, []));
            }
            parts[^1].Lines.Add(lines[i]);
        }
        return parts;
    }

    private static readonly KindPatterns[] Kinds =
    [
        new("ÄNDERUNGSANTRAG|ÄNDERUNGS-/ERGÄNZUNGSANTRAG|ERGÄNZUNGSANTRAG", "Änderungsantrag"),
        new("ANFRAGE", "Anfrage"),
        new("ANTRAG", "Antrag"),
        new("STELLUNGNAHME", "Stellungnahme"),
        new("BESCHLUSSVORLAGE", "Beschlussvorlage"),
        new("MITTEILUNGSVORLAGE", "Mitteilungsvorlage"),
        new("INFORMATIONSVORLAGE", "Informationsvorlage"),
        new("MITTEILUNG", "Mitteilung"),
        new("VORLAGE", "Vorlage"),
        new("NIEDERSCHRIFT|PROTOKOLL", "Niederschrift"),
        new("EINLADUNG", "Einladung"),
        new("BEKANNTMACHUNG", "Bekanntmachung"),
    ];

    private sealed class KindPatterns(string pattern, string kind)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        public string Kind { get; } = kind;

        // An upper-case heading ("ANFRAGE GEM. § 5 GESCHÄFTSORDNUNG") is the surest sign.
        public Regex UpperCase { get; } = new($@"^(?:{pattern})\b", Options);

        // A word alone on its line ("Beschlussvorlage", "Stellungnahme:") or "Stellungnahme zur Anfrage".
        public Regex Alone { get; } = new($@"^(?:{pattern}):?$|^(?:{pattern})\s+(?:zur|zum|zu den|des|der)\s+[\p{{L}}-]+:?$", Options | RegexOptions.IgnoreCase);

        // Minutes and invitations open with their title ("Niederschrift 64. Plenarsitzung …").
        public Regex Title { get; } = new($@"^(?:Öffentliche\s+|Oeffentliche\s+)?(?:{pattern})\b", Options | RegexOptions.IgnoreCase);
    }

    private static ParsedField<string>? KindHeading(SourceLine line, int nonEmptyBefore)
    {
        var text = SpacedLetters().IsMatch(line.Text) ? line.Text.Replace(" ", "", StringComparison.Ordinal) : line.Text;
        text = Prefix().Replace(text, "");
        if (text.Length is 0 or > 80)
        {
            return null;
        }
        foreach (var kind in Kinds)
        {
            if (kind.UpperCase.IsMatch(text))
            {
                return new ParsedField<string>(kind.Kind, 0.9, line.Number, line.Text);
            }
            if (kind.Alone.IsMatch(text))
            {
                return new ParsedField<string>(kind.Kind, 0.8, line.Number, line.Text);
            }
            if (kind.Kind is "Niederschrift" or "Bekanntmachung" or "Einladung" && nonEmptyBefore < 12 && kind.Title.IsMatch(text))
            {
                return new ParsedField<string>(kind.Kind, 0.7, line.Number, line.Text);
            }
        }
        return null;
    }

    // Without a heading the kind may still show in the Betreff: "Anfrage der Fraktion …".
    private static ParsedField<string>? KindFromText(List<SourceLine> lines)
    {
        foreach (var line in lines.Take(40))
        {
            var match = KindInBetreff().Match(line.Text);
            if (match.Success)
            {
                var word = match.Groups["kind"].Value;
                return new ParsedField<string>(char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant(), 0.5, line.Number, line.Text);
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(?:\d+\.\s+)?(?:ÖFFENTLICHE|NICHTÖFFENTLICHE|NICHT ÖFFENTLICHE|ERGÄNZENDE|GEMEINSAME|Öffentliche|Nichtöffentliche|Ergänzende|Gemeinsame)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:\p{Lu} ){3,}\p{Lu}$")]
    private static partial Regex SpacedLetters();

    [GeneratedRegex(@"^(?:Betreff:\s*)?(?<kind>Anfrage|Antrag|Änderungsantrag)\s+der\s+(?:Fraktion|Gruppe|Ratsgruppe)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindInBetreff();
}
