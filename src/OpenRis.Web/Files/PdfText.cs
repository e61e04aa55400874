using OpenRis.Documents;

namespace OpenRis.Web.Files;

/// <summary>
/// The text of uploaded and imported PDFs, which search indexes. Scanned pages go through
/// Tesseract when this machine has it with German data; without it they stay empty, which is
/// logged once so that an operator knows why scans are not found.
/// </summary>
public sealed class PdfText
{
    private readonly TesseractOcr? _ocr;

    public PdfText(ILogger<PdfText> logger)
    {
        (_ocr, var missing) = TesseractOcr.Find();
        if (_ocr is null)
        {
            logger.LogWarning("OCR unavailable: {Reason}; scanned PDF pages stay without text and are not found by search", missing);
        }
    }

    /// <summary>This machine's OCR, or null without Tesseract and its German data.</summary>
    public TesseractOcr? Ocr => _ocr;

    /// <summary>The text layer, scanned pages read by OCR; null when the PDF cannot be read.</summary>
    public string? Extract(byte[] pdf) => PdfTextExtractor.Extract(pdf, _ocr);
}
