using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRis.Documents.Import;

/// <summary>
/// The header fields of one paper: number, subject, originator, lead office, date, Beratungsfolge,
/// signatory and references. Labels are those of real forms (Hagen's ALLRIS forms, Karlsruhe's and
/// Nordstemmen's templates); a labelled value is trusted more than one found by position.
/// </summary>
internal static partial class PaperFields
{
    // Header fields stand near the top of a paper; the body may cite other papers' numbers and dates.
    private const int HeaderLines = 60;

    public static void Read(ParsedPaper paper, List<SourceLine> lines)
    {
        var text = lines.Where(l => l.Text.Length > 0).ToList();
        var header = text.Take(HeaderLines).ToList();
        paper.Number = Number(header);
        paper.Subject = Subject(text, header, paper.Number);
        paper.Originator = paper.Kind?.Value is "Stellungnahme" or "Beschlussvorlage" or "Mitteilungsvorlage" or "Informationsvorlage" ? null : Originator(header);
        paper.LeadOffice = LeadOffice(header);
        paper.Date = PaperDate(header);
        Consultations(paper, text);
        (paper.Signatory, paper.SignatoryRole) = Signatory(text);
        References(paper, text);
    }

    private static ParsedField<string>? Number(List<SourceLine> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var label = NumberLabel().Match(header[i].Text);
            if (!label.Success)
            {
                continue;
            }
            if (NumberIn(label.Groups["rest"].Value) is { } sameLine)
            {
                return new(sameLine, 0.9, header[i].Number, header[i].Text);
            }
            // Form layouts put the label in one column and the value a few lines below it.
            foreach (var next in header.Skip(i + 1).Take(8))
            {
                if (StandaloneNumber().IsMatch(next.Text) && NumberIn(next.Text) is { } below)
                {
                    return new(below, 0.8, next.Number, next.Text);
                }
            }
        }
        return null;
    }

    /// <summary>Year-first numbers ("2019/0255", Karlsruhe) are kept as written; all others in PaperNumbers' canonical form.</summary>
    private static string? NumberIn(string text)
    {
        var yearFirst = YearFirst().Match(text);
        if (yearFirst.Success && !IsYearRange(yearFirst.Value))
        {
            return yearFirst.Value;
        }
        var found = PaperNumbers.Find(text);
        return found.Count > 0 ? found[0].Reference : PaperNumbers.Normalize(text);
    }

    private static ParsedField<string>? Subject(List<SourceLine> text, List<SourceLine> header, ParsedField<string>? number)
    {
        foreach (var line in header)
        {
            var hier = Hier().Match(line.Text);
            if (hier.Success)
            {
                return new(hier.Groups["subject"].Value.Trim(), 0.9, line.Number, line.Text);
            }
        }
        for (var i = 0; i < header.Count; i++)
        {
            var betreff = Betreff().Match(header[i].Text);
            if (!betreff.Success)
            {
                continue;
            }
            var value = betreff.Groups["rest"].Value.Trim();
            var at = header[i];
            if (value.Length == 0 || NumberLabel().IsMatch(value))
            {
                at = header.ElementAtOrDefault(i + 1);
                value = at?.Text ?? "";
            }
            if (value.Length > 0 && at is not null)
            {
                return new(value, 0.75, at.Number, at.Text);
            }
        }
        // Karlsruhe: the title follows the number / office block. Nordstemmen: it stands right
        // before "Beschlussvorschlag:" or "Inhalt der Mitteilung:", after the Beratungsfolge table.
        var bodyStart = header.FindIndex(l => TitleAboveThis().IsMatch(l.Text));
        if (bodyStart > 0 && TitleAbove(header, bodyStart) is { } above)
        {
            return above;
        }
        var anchor = Math.Max(number is null ? -1 : header.FindIndex(l => l.Number == number.Line), header.FindIndex(l => OfficeLabel().IsMatch(l.Text)));
        if (anchor < 0)
        {
            return null;
        }
        foreach (var line in header.Skip(anchor + 1).Take(6))
        {
            // One word after a label column is the label's wrapped value ("Personal- und" / "Organisationsamt").
            if (NotATitle(line.Text) || !line.Text.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }
            return new(line.Text, 0.6, line.Number, line.Text);
        }
        return null;
    }

    private static ParsedField<string>? TitleAbove(List<SourceLine> header, int bodyStart)
    {
        var parts = new List<SourceLine>();
        for (var i = bodyStart - 1; i >= 0 && parts.Count < 3; i--)
        {
            var line = header[i].Text;
            // A lower-case line belongs to the title only as the rest of a hyphenated word ("Kommu-" / "nalverfassungsgesetz");
            // otherwise it is the tail of a wrapped table cell ("Beratung und Beschluss-" / "fassung").
            var continuesWord = i > 0 && header[i - 1].Text.EndsWith('-');
            if (DateAnywhere().IsMatch(line) || NotATitle(line) || (char.IsLower(line[0]) && !continuesWord))
            {
                break;
            }
            parts.Insert(0, header[i]);
        }
        if (parts.Count == 0)
        {
            return null;
        }
        return new(Join(parts.Select(p => p.Text)), 0.6, parts[0].Number, parts[0].Text);
    }

    private static bool NotATitle(string line) =>
        line.Length < 4 || line.EndsWith(':') || StandaloneNumber().IsMatch(line) || OfficeValue().IsMatch(line)
        || NumberLabel().IsMatch(line) || Label().IsMatch(line) || !line.Any(char.IsLetter) || TableHead().IsMatch(line);

    private static ParsedField<string>? Originator(List<SourceLine> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var line = header[i];
            if (Absender().IsMatch(line.Text))
            {
                var value = Absender().Match(line.Text).Groups["rest"].Value.Trim();
                var at = value.Length > 0 ? line : header.ElementAtOrDefault(i + 1);
                if (at is not null)
                {
                    return new(FactionName(value.Length > 0 ? value : at.Text), 0.9, at.Number, at.Text);
                }
            }
        }
        foreach (var line in header)
        {
            if (FiledBy().Match(line.Text) is { Success: true } filed)
            {
                return new(FactionName(filed.Groups["name"].Value), 0.8, line.Number, line.Text);
            }
            if (FactionLine().Match(line.Text) is { Success: true } faction)
            {
                return new(faction.Groups["name"].Value.Trim(), 0.7, line.Number, line.Text);
            }
            if (Joint().Match(line.Text) is { Success: true } joint)
            {
                return new(joint.Groups["names"].Value.Trim().TrimEnd('.'), 0.7, line.Number, line.Text);
            }
            if (Councillor().Match(line.Text) is { Success: true } councillor)
            {
                return new(councillor.Groups["party"].Value.Trim(), 0.6, line.Number, line.Text);
            }
        }
        return null;
    }

    // "Fraktion Hagen Aktiv im Rat der Stadt Hagen" → "Hagen Aktiv": the faction as the council knows it.
    private static string FactionName(string text)
    {
        var name = Regex.Replace(text.Trim(), @"^(?:der\s+)?(?:Fraktion|Ratsfraktion|Gruppe|Ratsgruppe)\s+", "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        name = Regex.Replace(name, @"\s+im\s+(?:Rat|Gemeinderat|Kreistag|Stadtrat)\b.*$", "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return name.Trim().TrimEnd(',', '.');
    }

    private static ParsedField<string>? LeadOffice(List<SourceLine> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var label = OfficeLabel().Match(header[i].Text);
            if (!label.Success)
            {
                continue;
            }
            var rest = label.Groups["rest"].Value.Trim();
            if (OfficeValue().Match(rest) is { Success: true } inline)
            {
                return new(OfficeName(inline.Value), 0.85, header[i].Number, header[i].Text);
            }
            // The value sits a few lines below the label, possibly after another column's value.
            foreach (var next in header.Skip(i + 1).Take(6))
            {
                if (OfficeValue().Match(next.Text) is { Success: true, Index: 0 } below)
                {
                    return new(OfficeName(below.Value), 0.8, next.Number, next.Text);
                }
            }
        }
        // Nordstemmen's header names the department on the line before "Aktenzeichen:".
        var file = header.FindIndex(l => l.Text.StartsWith("Aktenzeichen", StringComparison.OrdinalIgnoreCase));
        if (file > 0 && !header[file - 1].Text.Any(char.IsDigit))
        {
            return new(header[file - 1].Text, 0.5, header[file - 1].Number, header[file - 1].Text);
        }
        return null;
    }

    // Hagen writes the office as a bare number ("11"): it is Amt 11.
    private static string OfficeName(string value) => value.All(char.IsDigit) ? $"Amt {value}" : value.Trim();

    private static ParsedField<DateOnly>? PaperDate(List<SourceLine> header)
    {
        foreach (var line in header)
        {
            if (DateLabel().Match(line.Text) is { Success: true } labelled && ParseDate(labelled.Groups["date"].Value) is { } date)
            {
                return new(date, 0.7, line.Number, line.Text);
            }
            if (LongDateLine().IsMatch(line.Text) && ParseDate(line.Text) is { } letter)
            {
                return new(letter, 0.7, line.Number, line.Text);
            }
            if (PhoneAndDate().Match(line.Text) is { Success: true } phone && ParseDate(phone.Groups["date"].Value) is { } stamped)
            {
                return new(stamped, 0.6, line.Number, line.Text);
            }
        }
        return null;
    }

    private static readonly string[] Months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    internal static DateOnly? ParseDate(string text)
    {
        var numeric = NumericDate().Match(text);
        if (numeric.Success)
        {
            return Date(numeric.Groups["y"].Value, numeric.Groups["m"].Value, numeric.Groups["d"].Value);
        }
        var written = WrittenDate().Match(text);
        if (written.Success)
        {
            var month = Array.IndexOf(Months, written.Groups["month"].Value) + 1;
            return Date(written.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), written.Groups["d"].Value);
        }
        return null;
    }

    private static DateOnly? Date(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is >= 1950 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    private static void Consultations(ParsedPaper paper, List<SourceLine> text)
    {
        var start = text.FindIndex(l => ConsultationHead().IsMatch(l.Text));
        if (start >= 0)
        {
            for (var i = start + 1; i < Math.Min(text.Count, start + 25); i++)
            {
                var line = text[i];
                if (ConsultationHead().IsMatch(line.Text))
                {
                    continue;
                }
                if (BodyStart().IsMatch(line.Text) || Label().IsMatch(line.Text))
                {
                    break;
                }
                if (Row(line.Text) is not { } row)
                {
                    // Table cells ("x", "ö", wrapped roles) are short; running text means the table has ended.
                    if (Words().Count(line.Text) > 4)
                    {
                        break;
                    }
                    continue;
                }
                var role = row.Role;
                // A role wrapped around the row: "Beratung und Beschluss-" / row / "fassung".
                if (role is null && text[i - 1].Text.EndsWith('-') && Row(text[i - 1].Text) is null
                    && i + 1 < text.Count && WrapTail().IsMatch(text[i + 1].Text))
                {
                    role = text[i - 1].Text[..^1] + text[i + 1].Text;
                }
                paper.Consultations.Add(new(row with { Role = role }, 0.85, line.Number, line.Text));
            }
        }
        if (paper.Consultations.Count > 0)
        {
            return;
        }
        // Without a table: "17. Sitzung des Gemeinderates am 25.10.2005", "für die Sitzung des Rates am 27.09.2018".
        foreach (var line in text.Take(HeaderLines))
        {
            var meeting = MeetingMention().Match(line.Text);
            if (meeting.Success && ParseDate(meeting.Groups["date"].Value) is { } date)
            {
                paper.Consultations.Add(new(new ParsedConsultation(meeting.Groups["body"].Value.Trim()[4..], date, null), 0.5, line.Number, line.Text));
                return;
            }
        }
    }

    private static ParsedConsultation? Row(string line)
    {
        var dateFirst = DateFirstRow().Match(line);
        if (dateFirst.Success && ParseDate(dateFirst.Groups["date"].Value) is { } d1)
        {
            return new ParsedConsultation(dateFirst.Groups["body"].Value.Trim(), d1, null);
        }
        var bodyFirst = BodyFirstRow().Match(line);
        if (bodyFirst.Success && Words().Count(bodyFirst.Groups["body"].Value) <= 6 && ParseDate(bodyFirst.Groups["date"].Value) is { } d2)
        {
            var rest = bodyFirst.Groups["rest"].Value;
            var role = RoleWords().Match(rest);
            return new ParsedConsultation(bodyFirst.Groups["body"].Value.Trim(), d2, role.Success ? role.Value.Trim() : null);
        }
        return null;
    }

    private static (ParsedField<string>?, ParsedField<string>?) Signatory(List<SourceLine> text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var line = text[i];
            var gez = SignedLabel().Match(line.Text);
            var greeting = Greeting().IsMatch(line.Text);
            if (!gez.Success && !greeting)
            {
                continue;
            }
            var rest = gez.Success ? gez.Groups["rest"].Value.Trim() : "";
            var (nameLine, name) = rest.Length > 0 ? (line, rest) : (text.ElementAtOrDefault(i + 1), text.ElementAtOrDefault(i + 1)?.Text ?? "");
            if (nameLine is null || !PersonName().IsMatch(name))
            {
                continue;
            }
            var confidence = gez.Success ? 0.9 : 0.7;
            var roleLine = text.ElementAtOrDefault(text.IndexOf(nameLine) + 1);
            ParsedField<string>? role = null;
            // A second name below the first is a co-signatory, not a role; a role in brackets may look like a name.
            if (roleLine is not null && RoleLine().Match(roleLine.Text) is { Success: true } r
                && (roleLine.Text.StartsWith('(') || !PersonName().IsMatch(roleLine.Text)))
            {
                role = new(r.Groups["role"].Value.Trim(), confidence - 0.1, roleLine.Number, roleLine.Text);
            }
            return (new(name, confidence, nameLine.Number, nameLine.Text), role);
        }
        // Nordstemmen: the mayor's name stands alone before "Beratungsergebnis:".
        var result = text.FindIndex(l => l.Text.StartsWith("Beratungsergebnis", StringComparison.Ordinal));
        if (result > 0 && PersonName().IsMatch(text[result - 1].Text))
        {
            return (new(text[result - 1].Text, 0.5, text[result - 1].Number, text[result - 1].Text), null);
        }
        return (null, null);
    }

    private static void References(ParsedPaper paper, List<SourceLine> text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (paper.Number is not null)
        {
            seen.Add(paper.Number.Value);
        }
        foreach (var line in text)
        {
            foreach (var match in PaperNumbers.Find(line.Text))
            {
                if (seen.Add(match.Reference))
                {
                    paper.References.Add(new(match.Reference, match.CitedAs.Any(char.IsLetter) ? 0.8 : 0.6, line.Number, line.Text));
                }
            }
            foreach (Match match in YearFirst().Matches(line.Text))
            {
                if (!IsYearRange(match.Value) && seen.Add(match.Value))
                {
                    paper.References.Add(new(match.Value, 0.6, line.Number, line.Text));
                }
            }
        }
    }

    // "2022/2023" is a span of years, not a paper.
    private static bool IsYearRange(string value)
    {
        var first = int.Parse(value[..4], CultureInfo.InvariantCulture);
        var second = int.Parse(value.AsSpan(5, 4), CultureInfo.InvariantCulture);
        return second > first && second - first <= 5;
    }

    internal static string Join(IEnumerable<string> parts)
    {
        var result = "";
        foreach (var part in parts)
        {
            // A word broken at the line end ("Kommu-" / "nalverfassungsgesetz") is joined without the hyphen.
            result = result.Length == 0 ? part
                : result.EndsWith('-') && part.Length > 0 && char.IsLower(part[0]) ? result[..^1] + part
                : result + " " + part;
        }
        return result.Trim();
    }

    [GeneratedRegex(@"^(?:Betreff:\s*)?(?:Drucksachen-?nummer|Drucksache|Vorlagen-?nummer|Vorlage\s*Nr\.?|DS|Drs\.?|Ds\.)(?!\p{L})\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"^(?:DS\s*)?\d{1,4}(?:-\d{1,2})?/\d{2,4}$")]
    private static partial Regex StandaloneNumber();

    [GeneratedRegex(@"(?<![\d/])(?:19|20)\d{2}/\d{4}(?:/\d{1,2})?(?![\d/])")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^hier:\s*(?<subject>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hier();

    [GeneratedRegex(@"^Betreff:?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Betreff();

    [GeneratedRegex(@"^(?:Beschlussvorschlag|Inhalt der Mitteilung):?$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleAboveThis();

    [GeneratedRegex(@"^(?:Beschlussvorschlag|Inhalt der Mitteilung|Sachverhalt|Kurzfassung|Anfragetext|Antragstext|Begründung|Problembeschreibung)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"^(?:Aktenzeichen|Auskunft erteilt|Telefon|Dienststelle|Verantwortlich|verantwortlich|Beratung in|Gremium|Gremien|Öffentlich|eingegangen|Zu TOP|TOP\b|Gedruckt auf|Stadt \p{Lu}|Der Oberbürgermeister|Die Oberbürgermeisterin|Der Bürgermeister)", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:Beratungsfolge|Gremium|Gremien)\b.*\b(?:Termin|Sitzungstermin|Datum)\b|^Beratungsfolge:?", RegexOptions.CultureInvariant)]
    private static partial Regex TableHead();

    [GeneratedRegex(@"^(?:Beratungsfolge|Gremium\s+(?:Termin|Sitzungstermin)|Gremien\s+Termin)", RegexOptions.CultureInvariant)]
    private static partial Regex ConsultationHead();

    [GeneratedRegex(@"^Absender:?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Absender();

    [GeneratedRegex(@"^(?:Betreff:\s*)?(?:Anfrage|Antrag|Änderungsantrag)\s+der\s+(?<name>(?:Fraktion|Gruppe|Ratsgruppe)\s+.+?)\s*(?:vom\b.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FiledBy();

    [GeneratedRegex(@"^(?:Antrag\s+|Anfrage\s+)?(?<name>[\p{L}0-9 /.]+?)-(?:Gemeinderats|Rats|Kreistags|Stadtrats)?[Ff]raktion$", RegexOptions.CultureInvariant)]
    private static partial Regex FactionLine();

    [GeneratedRegex(@"^Gemeinsamer Antrag:?\s+(?<names>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Joint();

    [GeneratedRegex(@"^Stadträt(?:in|e|innen)?\s+.+\((?<party>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Councillor();

    [GeneratedRegex(@"(?:^|\b)(?:Amt/Eigenbetrieb[^:]*|Federführend(?:es Amt|e Dienststelle)?|Federführung|Verantwortlich|verantwortlich|Fachbereich|Dienststelle)\s*:\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OfficeLabel();

    [GeneratedRegex(@"^\d{1,3}$|(?:Dez\.|Dezernat|Amt|Fachbereich|FB|Fachdienst|FD)\s*\d{1,3}(?:/\d{1,3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficeValue();

    [GeneratedRegex(@"^(?:Datum|vom|Eingang|eingegangen am)\s*:?\s*(?<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"^(?:[\p{L} ]+,\s*(?:den\s+)?)?\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex LongDateLine();

    [GeneratedRegex(@"^Telefon:.*\s(?<date>\d{2}\.\d{2}\.\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneAndDate();

    [GeneratedRegex(@"(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<d>\d{1,2})\.\s*(?<month>Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\d{1,2}\.\d{1,2}\.\d{4}")]
    private static partial Regex DateAnywhere();

    [GeneratedRegex(@"^(?<date>\d{1,2}\.\d{1,2}\.\d{4})\s+(?<body>\p{Lu}[^\d]{2,})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateFirstRow();

    [GeneratedRegex(@"^(?<body>\p{Lu}[^\d:]{1,80}?)\s+(?<date>\d{1,2}\.\d{1,2}\.\d{4})(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BodyFirstRow();

    [GeneratedRegex(@"\b(?:Vorberatung|Beratung(?: und (?:Empfehlung|Beschlussfassung|Entscheidung))?|Entscheidung|Beschlussfassung|Kenntnisnahme|Anhörung)", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWords();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\p{Ll}{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex WrapTail();

    [GeneratedRegex(@"(?:(?<!\d)\d{1,2}\.\s+)?Sitzung\s+(?<body>(?:des|der)\s+[\p{L} ]+?)\s+am\s+(?<date>\d{1,2}\.\d{1,2}\.\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingMention();

    [GeneratedRegex(@"^gez\.?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedLabel();

    [GeneratedRegex(@"^(?:Mit freundlichen Grüßen|[Uu]nterzeichnet von:?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:(?:Dr|Prof)\.\s*)*\p{Lu}[\p{L}.'-]+(?:\s+(?:\p{Lu}[\p{L}.'-]*|von|van|de|zu)){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^\(?(?<role>\p{Lu}[\p{L} .-]{2,60}?)\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleLine();
}
