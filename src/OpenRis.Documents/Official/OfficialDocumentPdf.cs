using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenRis.Documents.Official;

/// <summary>
/// Official documents as A4 PDF with real, selectable text in an embedded font (no images of text,
/// so screen readers and search find every word), title/author/language metadata, wrapped lines,
/// page breaks and "Seite x von y" on every page.
/// </summary>
public static class OfficialDocumentPdf
{
    public static byte[] Render(Letterhead letterhead, InquiryDocument inquiry) => Render(OfficialLayout.Of(letterhead, inquiry));

    public static byte[] Render(Letterhead letterhead, StatementDocument statement) => Render(OfficialLayout.Of(letterhead, statement));

    public static byte[] Render(Letterhead letterhead, PublicNoticeDocument notice) => Render(OfficialLayout.Of(letterhead, notice));

    private static byte[] Render(OfficialLayout layout)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = layout.Title;
        document.Info.Author = layout.Author;
        document.Info.Subject = layout.Subject;
        document.Info.Creator = "OpenRIS";
        document.Language = "de-DE";

        using (var writer = new PdfPageWriter(document))
        {
            foreach (var block in layout.Blocks)
            {
                writer.Write(block);
            }
        }
        NumberPages(document);

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void NumberPages(PdfDocument document)
    {
        var font = new XFont(EmbeddedFonts.Family, 8, XFontStyleEx.Regular, PdfPageWriter.Unicode);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var footer = new XRect(0, page.Height.Point - PdfPageWriter.BottomMargin + 20, page.Width.Point, 12);
            gfx.DrawString($"Seite {i + 1} von {document.PageCount}", font, XBrushes.Black, footer, XStringFormats.TopCenter);
        }
    }
}
