using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenRis.Documents.Official;

/// <summary>Draws layout blocks top to bottom, wrapping words and starting a new A4 page when one is full.</summary>
internal sealed class PdfPageWriter(PdfDocument document) : IDisposable
{
    public const double BottomMargin = 70; // room for the page number
    private const double LeftMargin = 70; // ~25 mm
    private const double RightMargin = 57; // ~20 mm
    private const double TopMargin = 57;
    private const double ListIndent = 22;

    public static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private static readonly XFont Body = Font(10.5, bold: false);
    private static readonly XFont Strong = Font(10.5, bold: true);
    private static readonly XFont Small = Font(9, bold: false);
    private static readonly XFont[] Headings = [Font(16, bold: true), Font(12.5, bold: true), Font(11, bold: true)];

    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;

    private double Width => _page!.Width.Point - LeftMargin - RightMargin;

    private double Bottom => _page!.Height.Point - BottomMargin;

    public void Write(Block block)
    {
        EnsurePage();
        switch (block)
        {
            case Heading heading:
                var font = Headings[Math.Clamp(heading.Level, 1, 3) - 1];
                Space(heading.Level == 1 ? 10 : 8);
                // Keep a heading with at least two lines of what follows.
                NeedRoom(font.GetHeight() + (2 * Body.GetHeight()));
                Wrapped(heading.Text, font, 0);
                Space(3);
                break;
            case Field field:
                Space(3);
                NeedRoom(Strong.GetHeight() + Body.GetHeight());
                Wrapped($"{field.Label}:", Strong, 0);
                foreach (var value in field.Values)
                {
                    Wrapped(value, Body, 0);
                }
                break;
            case Paragraph paragraph:
                Space(5);
                Wrapped(paragraph.Text, Body, 0);
                break;
            case Lines lines:
                Space(lines.Role == LineRole.Letterhead ? 0 : 8);
                foreach (var line in lines.Text)
                {
                    Wrapped(line, lines.Role is LineRole.Letterhead or LineRole.Contact ? Small : Body, 0, alignRight: lines.Role is LineRole.Letterhead or LineRole.Date);
                }
                Space(lines.Role == LineRole.Letterhead ? 8 : 0);
                break;
            case NumberedList list:
                foreach (var item in list.Items)
                {
                    Space(5);
                    NeedRoom(2 * Body.GetHeight());
                    _gfx!.DrawString($"{item.Number}.", list.Emphasis ? Strong : Body, XBrushes.Black, new XPoint(LeftMargin, _y), XStringFormats.TopLeft);
                    for (var p = 0; p < item.Paragraphs.Count; p++)
                    {
                        Space(p == 0 ? 0 : 5);
                        Wrapped(item.Paragraphs[p], list.Emphasis ? Strong : Body, ListIndent);
                    }
                }
                break;
            case SignatureBlock signature:
                Space(14);
                NeedRoom(4 * Body.GetHeight());
                if (signature.Prefix is { } prefix)
                {
                    Wrapped(prefix, Body, 0);
                    Space(10);
                }
                foreach (var signatory in signature.Signatories)
                {
                    Wrapped(OfficialLayout.SignatureName(signatory), Body, 0);
                    Wrapped($"({signatory.Role})", Body, 0);
                    Space(10);
                }
                break;
            case PageBreak:
                NewPage();
                break;
        }
    }

    /// <summary>Draws text wrapped at word boundaries; a word longer than the line is split.</summary>
    private void Wrapped(string text, XFont font, double indent, bool alignRight = false)
    {
        var width = Width - indent;
        foreach (var line in WrapLines(text, font, width))
        {
            NeedRoom(font.GetHeight());
            var x = alignRight ? LeftMargin + Width - _gfx!.MeasureString(line, font).Width : LeftMargin + indent;
            _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
            _y += font.GetHeight() * 1.15;
        }
    }

    private IEnumerable<string> WrapLines(string text, XFont font, double width)
    {
        foreach (var paragraphLine in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraphLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (_gfx!.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    yield return line;
                }
                line = word;
                while (_gfx.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && _gfx.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }
                    yield return line[..fit];
                    line = line[fit..];
                }
            }
            yield return line;
        }
    }

    private void NeedRoom(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void Space(double points)
    {
        if (_y > TopMargin)
        {
            _y += points;
        }
    }

    private void EnsurePage()
    {
        if (_gfx is null)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = TopMargin;
    }

    public void Dispose() => _gfx?.Dispose();

    private static XFont Font(double size, bool bold) =>
        new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
}
