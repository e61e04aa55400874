using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OpenRis.Documents;

/// <summary>The text layer of a PDF, pages separated by form feeds; null when the PDF cannot be read.</summary>
public static class PdfTextExtractor
{
    public static string? Extract(byte[] pdf)
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
                text.Append(ContentOrderTextExtractor.GetText(page));
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
