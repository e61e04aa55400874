using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace OpenRis.Documents.Tests.Official;

/// <summary>Reads a rendered PDF back with PdfPig, a real PDF parser.</summary>
internal static partial class PdfText
{
    /// <summary>The words of a page in reading order, joined by single spaces.</summary>
    public static string Of(Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));

    /// <summary>A page's text without its page number, so that text running across a page break reads on.</summary>
    public static string Body(Page page) => Footer().Replace(Of(page), "");

    /// <summary>The body text of the given pages (all by default), joined.</summary>
    public static string All(PdfDocument pdf, int fromPage = 1) => string.Join(' ', pdf.GetPages().Where(p => p.Number >= fromPage).Select(Body));

    [GeneratedRegex(@"\s*Seite \d+ von \d+$")]
    private static partial Regex Footer();
}
