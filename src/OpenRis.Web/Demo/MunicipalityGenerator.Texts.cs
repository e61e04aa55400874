using System.Text;
using System.Text.RegularExpressions;
using OpenRis.Web.Files;

namespace OpenRis.Web.Demo;

public sealed partial class MunicipalityGenerator
{
    /// <summary>
    /// The folder of real council texts, <c>shared/data/texts</c>, looked for in each start folder and
    /// every folder above it; null when there is none.
    /// </summary>
    public static string? FindTextsDirectory(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data", "texts");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    internal enum TextKind
    {
        Inquiry,
        Motion,
        Resolution,
        Information,
        Statement,
        Protocol,
        Invitation,
        Other,
    }

    /// <summary>One real text: its content, the title line found in it, what kind of document it looks like.</summary>
    internal sealed class SourceText(string path, string content, string title, TextKind kind, string excerpt, IReadOnlyList<string> questions)
    {
        public string Path { get; } = path;
        public string Content { get; } = content;
        public string Title { get; } = title;
        public TextKind Kind { get; } = kind;

        /// <summary>A few sentences after the title, for Kurzfassung and answers.</summary>
        public string Excerpt { get; } = excerpt;

        /// <summary>Numbered questions as they stand in the text ("1. Wie …?"), without the number.</summary>
        public IReadOnlyList<string> Questions { get; } = questions;

        public StoredContent Stored { get; set; } = null!;
    }

    /// <summary>All texts of the folder, read once, sorted by path so that a seed always sees them in the same order.</summary>
    internal sealed partial class TextCorpus
    {
        private const int MaxTitleLength = 200;

        private TextCorpus(List<SourceText> all)
        {
            All = all;
            PaperLike = all.Where(t => t.Kind is not (TextKind.Protocol or TextKind.Invitation)).ToList();
            if (PaperLike.Count == 0)
            {
                PaperLike = all;
            }
            foreach (var kind in Enum.GetValues<TextKind>())
            {
                ByKind[kind] = all.Where(t => t.Kind == kind).ToList();
            }
            Protocols = ByKind[TextKind.Protocol].Count > 0 ? ByKind[TextKind.Protocol] : all;
            Invitations = ByKind[TextKind.Invitation].Count > 0 ? ByKind[TextKind.Invitation] : Protocols;
            QuestionPool = all.SelectMany(t => t.Questions).Distinct(StringComparer.Ordinal).ToList();
            if (QuestionPool.Count == 0)
            {
                QuestionPool = ["Wie bewertet die Verwaltung den derzeitigen Sachstand?", "Welche Kosten sind bisher entstanden?",
                    "Bis wann ist mit einer Umsetzung zu rechnen?", "Welche Alternativen wurden geprüft?"];
            }
        }

        public List<SourceText> All { get; }
        public List<SourceText> PaperLike { get; }
        public Dictionary<TextKind, List<SourceText>> ByKind { get; } = [];
        public List<SourceText> Protocols { get; }
        public List<SourceText> Invitations { get; }
        public List<string> QuestionPool { get; }

        public static TextCorpus Load(string directory)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"Der Textordner \"{directory}\" existiert nicht.");
            }
            var texts = new List<SourceText>();
            var paths = Directory.EnumerateFiles(directory, "*.txt", SearchOption.AllDirectories)
                .Select(p => System.IO.Path.GetRelativePath(directory, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal);
            foreach (var relative in paths)
            {
                // PostgreSQL text cannot hold NUL, which PDF extraction leaves behind now and then.
                var content = File.ReadAllText(System.IO.Path.Combine(directory, relative), Encoding.UTF8).Replace("\0", "", StringComparison.Ordinal);
                var lines = content.Split('\n').Select(Clean).Where(l => l.Length > 0).ToList();
                if (lines.Count == 0)
                {
                    continue;
                }
                var kind = Classify(relative, lines);
                var (title, titleLine) = FindTitle(lines);
                title = title?.TrimEnd(';', ',', ':', '-', ' ') is { Length: >= 3 } trimmed ? trimmed : TitleFromPath(relative);
                texts.Add(new SourceText(relative, content, Shorten(title, MaxTitleLength), kind, Excerpt(lines, titleLine + 1), FindQuestions(lines)));
            }
            if (texts.Count == 0)
            {
                throw new InvalidDataException($"Im Textordner \"{directory}\" liegen keine nutzbaren .txt-Dateien.");
            }
            return new TextCorpus(texts);
        }

        private static string Clean(string line) => Whitespace().Replace(line, " ").Trim();

        private static TextKind Classify(string path, List<string> lines)
        {
            var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            var head = lines.Take(12).Select(l => l.ToLowerInvariant()).ToList();
            if (name.Contains("niederschrift", StringComparison.Ordinal) || name.Contains("protokoll", StringComparison.Ordinal)
                || head[0].StartsWith("niederschrift", StringComparison.Ordinal) || head[0].StartsWith("protokoll", StringComparison.Ordinal)
                || head[0].StartsWith("p r o t o k o l l", StringComparison.Ordinal))
            {
                return TextKind.Protocol;
            }
            if (name.Contains("bekanntmachung", StringComparison.Ordinal) || name.Contains("einladung", StringComparison.Ordinal))
            {
                return TextKind.Invitation;
            }
            if (name.Contains("beschlussvorlage", StringComparison.Ordinal))
            {
                return TextKind.Resolution;
            }
            if (name.Contains("mitteilungsvorlage", StringComparison.Ordinal))
            {
                return TextKind.Information;
            }
            foreach (var line in head)
            {
                var word = line.Split(' ')[^1];
                if (line.StartsWith("stellungnahme", StringComparison.Ordinal) || line.StartsWith("stellungname", StringComparison.Ordinal))
                {
                    return TextKind.Statement;
                }
                switch (word)
                {
                    case "anfrage":
                        return TextKind.Inquiry;
                    case "antrag" or "änderungsantrag" or "ergänzungsantrag":
                        return TextKind.Motion;
                    case "beschlussvorlage":
                        return TextKind.Resolution;
                    case "informationsvorlage" or "mitteilungsvorlage" or "berichtsvorlage":
                        return TextKind.Information;
                }
            }
            return TextKind.Other;
        }

        /// <summary>
        /// The first line that reads like a title: after the document-type line, skipping letterheads,
        /// form labels, dates, addresses, committee lists and people; wrapped lines are joined.
        /// </summary>
        private static (string? Title, int Line) FindTitle(List<string> lines)
        {
            for (var i = 0; i < Math.Min(40, lines.Count); i++)
            {
                if (AgendaPoint().Match(lines[i]) is { Success: true } point)
                {
                    return (point.Groups[1].Value, i);
                }
            }
            var start = 0;
            for (var i = 0; i < Math.Min(25, lines.Count); i++)
            {
                if (DocumentType().IsMatch(lines[i]))
                {
                    start = i + 1;
                    break;
                }
            }
            var skipContinuation = false;
            for (var i = start; i < Math.Min(start + 80, lines.Count); i++)
            {
                var line = lines[i];
                var continuation = skipContinuation;
                skipContinuation = line.EndsWith(',') || line.EndsWith('-');
                if (continuation || !LooksLikeTitle(line))
                {
                    continue;
                }
                var j = i;
                while (j + 1 < lines.Count && line.Length < MaxTitleLength && (line.EndsWith('-') || char.IsLower(lines[j + 1][0])))
                {
                    var next = lines[++j];
                    line = line.EndsWith('-') && char.IsLower(next[0]) ? string.Concat(line.AsSpan(0, line.Length - 1), next) : $"{line} {next}";
                }
                return (line, j);
            }
            return (null, start);
        }

        private static bool LooksLikeTitle(string line)
        {
            if (line.Length is < 12 or > 220 || line.EndsWith(':') || line.EndsWith('&') || line.Contains('|', StringComparison.Ordinal)
                || !char.IsLetter(line[0]) || char.IsLower(line[0]) || line.Contains("Sitzung", StringComparison.Ordinal)
                || Boilerplate().IsMatch(line) || DateOrTime().IsMatch(line) || PostalCode().IsMatch(line))
            {
                return false;
            }
            var words = line.Split(' ');
            if (words.Length < 2 || !line.Any(char.IsLower) || line.Count(char.IsLetter) < 0.6 * line.Length)
            {
                return false;
            }
            return !(words.Length <= 4 && FactionWord().IsMatch(line));
        }

        private static string Excerpt(List<string> lines, int from)
        {
            var text = new StringBuilder();
            for (var i = Math.Min(from, lines.Count); i < lines.Count && text.Length < 600; i++)
            {
                text.Append(lines[i]).Append(' ');
            }
            var excerpt = text.ToString().Trim();
            if (excerpt.Length <= 500)
            {
                return excerpt;
            }
            var sentenceEnd = excerpt.LastIndexOf(". ", 500, StringComparison.Ordinal);
            return sentenceEnd > 150 ? excerpt[..(sentenceEnd + 1)] : Shorten(excerpt, 500);
        }

        private static List<string> FindQuestions(List<string> lines) =>
            lines.Select(l => NumberedQuestion().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

        private static string TitleFromPath(string path)
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path).Replace('_', ' ').Trim();
            return name.Length >= 3 ? name : "Vorlage";
        }

        internal static string Shorten(string text, int length)
        {
            if (text.Length <= length)
            {
                return text;
            }
            var cut = text.LastIndexOf(' ', length - 1);
            return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length - 1), "…");
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();

        [GeneratedRegex(@"^Punkt \d+ der Tagesordnung:\s*(.{8,})$")]
        private static partial Regex AgendaPoint();

        [GeneratedRegex(@"^(?:\S+\s+)?(?:beschlussvorlage|mitteilungsvorlage|informationsvorlage|berichtsvorlage|anfrage|antrag|änderungsantrag|ergänzungsantrag|stellungnahme.*|beratung in (?:nicht)?öffentlicher sitzung)$", RegexOptions.IgnoreCase)]
        private static partial Regex DocumentType();

        [GeneratedRegex(@"^(?:stadt |gemeinde|der oberbürgermeister|der bürgermeister|herrn? |frau |gremi|termin|vorlage|top\b|verantwortlich|dienststelle|stadtr|gedruckt|prozent|recyclingpapier|eingang|aktenzeichen|auskunft|telefon|beratung|sitzungstermin|öffentlich|nichtöffentlich|nicht öffentlich|datum|az\b|ds\b|drucksache|anlage|seite|vom\b|es sind|beginn|ort\b|vorsitz|protokoll|niederschrift|der sitzung|zuständigkeit|ergebnis|finanzielle|kurzfassung|information \(|antrag an|beschlussvorschlag|sachverhalt|begründung|mitglieder|beratende|tagesordnung|fachausschuss|ausschuss|verwaltungsausschuss|ortsrat|rat\b|gemeinderat|hauptausschuss|planungsausschuss|ortschaftsrat|betriebsausschuss|bürgersaal|im sitzungszimmer)", RegexOptions.IgnoreCase)]
        private static partial Regex Boilerplate();

        [GeneratedRegex(@"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)|\bUhr\b", RegexOptions.IgnoreCase)]
        private static partial Regex DateOrTime();

        [GeneratedRegex(@"\b\d{5}\b")]
        private static partial Regex PostalCode();

        [GeneratedRegex(@"fraktion|gruppe", RegexOptions.IgnoreCase)]
        private static partial Regex FactionWord();

        [GeneratedRegex(@"^\d{1,2}[.)]\s+(\p{Lu}.{18,400}\?)$")]
        private static partial Regex NumberedQuestion();
    }
}
