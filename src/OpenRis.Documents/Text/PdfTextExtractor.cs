using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OpenRis.Documents;

/// <summary>
/// The text of a PDF, pages separated by form feeds; null when the PDF cannot be read. A page
/// without a text layer (a scan) is read by <paramref name="ocr"/> when there is one; without it
/// such a page stays empty.
/// </summary>
public static class PdfTextExtractor
{
    public static string? Extract(byte[] pdf, TesseractOcr? ocr = null)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                if (text.Length > 0)
                {
                    text.Append('\f');
                }
                // In reading order with the spaces and line breaks the layout implies (page.Text runs words together),
                // the same reading as the document import's.
                var layer = ContentOrderTextExtractor.GetText(page);
                if (string.IsNullOrWhiteSpace(layer) && ocr is not null && page.NumberOfImages > 0)
                {
                    layer = ocr.ReadPage(pdf, page.Number)?.Trim() ?? "";
                }
                text.Append(layer);
            }
            return text.ToString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken or encrypted PDF is kept as a file; only its text is missing.
            return null;
        }
    }
}
