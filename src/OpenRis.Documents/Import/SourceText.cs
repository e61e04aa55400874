using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OpenRis.Documents.Import;

public enum SourceFormat
{
    Pdf,
    Markdown,
    PlainText,
}

/// <summary>One line of a source document as the parser reads it, numbered from 1 as the clerk sees it.</summary>
public sealed record SourceLine(int Number, string Text);

/// <summary>
/// Turns the bytes of an uploaded or imported file into numbered lines. The format is decided by content,
/// never by the file name alone: a PDF must start with its magic bytes, text must be valid UTF-8 and free
/// of binary control characters. Markdown markup is removed line by line so that line numbers stay those
/// of the file.
/// </summary>
public static partial class SourceText
{
    /// <summary>Files above this size are refused before parsing (a council paper is rarely above a few MB).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Reads the lines; scanned PDF pages are read by <paramref name="ocr"/> when given.</summary>
    public static SourceReadResult Read(ReadOnlySpan<byte> content, string fileName, TesseractOcr? ocr = null)
    {
        if (content.Length == 0)
        {
            return SourceReadResult.Refused("Die Datei ist leer.");
        }
        if (content.Length > MaxBytes)
        {
            return SourceReadResult.Refused($"Die Datei ist größer als {MaxBytes / (1024 * 1024)} MB.");
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.StartsWith("%PDF-"u8))
        {
            return ReadPdf(content.ToArray(), ocr);
        }
        if (extension == ".pdf")
        {
            return SourceReadResult.Refused("Die Datei heißt .pdf, ist aber kein PDF (Kennung %PDF- fehlt).");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return SourceReadResult.Refused("Die Datei ist weder PDF noch gültiger UTF-8-Text.");
        }
        if (LooksBinary(text))
        {
            return SourceReadResult.Refused("Die Datei enthält Binärdaten, keinen Text.");
        }
        // Text exported from Word often is Markdown whatever its name (the seed is a .txt with "## **ANFRAGE**").
        var markdown = extension is ".md" or ".markdown" || MarkdownMarkup().Count(text) >= 3;
        var lines = SplitLines(text.TrimStart('\uFEFF')).Select((line, i) => new SourceLine(i + 1, markdown ? StripMarkdown(line) : Clean(line))).ToList();
        return SourceReadResult.Read(markdown ? SourceFormat.Markdown : SourceFormat.PlainText, lines);
    }

    private static SourceReadResult ReadPdf(byte[] content, TesseractOcr? ocr)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var lines = new List<SourceLine>();
            foreach (var page in pdf.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page);
                if (string.IsNullOrWhiteSpace(text) && ocr is not null && page.NumberOfImages > 0)
                {
                    text = ocr.ReadPage(content, page.Number) ?? "";
                }
                foreach (var line in SplitLines(text))
                {
                    lines.Add(new SourceLine(lines.Count + 1, Clean(line)));
                }
            }
            if (lines.All(l => l.Text.Length == 0))
            {
                return SourceReadResult.Refused(ocr is null
                    ? "Das PDF enthält keinen Text (gescannt?), und die Texterkennung (OCR) ist auf diesem Server nicht installiert."
                    : "Das PDF enthält keinen Text, und auch die Texterkennung (OCR) hat keinen gefunden.");
            }
            return SourceReadResult.Read(SourceFormat.Pdf, lines);
        }
        // PdfPig throws its own exception types for damaged files; any of them means "unreadable", not a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SourceReadResult.Refused("Das PDF ist beschädigt und kann nicht gelesen werden.");
        }
    }

    /// <summary>Plain text as numbered, whitespace-normalised lines (no Markdown handling).</summary>
    public static IReadOnlyList<SourceLine> PlainLines(string text) => SplitLines(text).Select((line, i) => new SourceLine(i + 1, Clean(line))).ToList();

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    // Text files may contain form feeds (page breaks) and tabs; anything else below 0x20 means binary data.
    private static bool LooksBinary(string text)
    {
        var control = text.Count(c => c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f');
        return control > 0 && control * 100 > text.Length;
    }

    private static string Clean(string line) => Whitespace().Replace(line.Replace('\f', ' ').Replace('\u00A0', ' '), " ").Trim();

    private static string StripMarkdown(string line)
    {
        var text = Heading().Replace(line, "");
        text = Link().Replace(text, "$1");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        text = text.Replace("\\", "", StringComparison.Ordinal);
        return Clean(text);
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+\S|\*\*\S[^*\n]*\*\*|\]\(https?:", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarkup();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}

/// <summary>The lines of a readable file, or the reason it was refused.</summary>
public sealed record SourceReadResult(SourceFormat? Format, IReadOnlyList<SourceLine> Lines, string? RefusedBecause)
{
    public static SourceReadResult Read(SourceFormat format, IReadOnlyList<SourceLine> lines) => new(format, lines, null);

    public static SourceReadResult Refused(string reason) => new(null, [], reason);
}
