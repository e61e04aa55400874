using OpenRis.Documents.Official;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace OpenRis.Documents.Tests.Official;

public sealed class OfficialDocumentPdfTests
{
    private const double A4Width = 595.28; // 210 mm in points
    private const double A4Height = 841.89; // 297 mm

    [Fact]
    public void Render_SeedStatement_EveryAnswerSentenceIsSelectableText()
    {
        using var pdf = PdfDocument.Open(OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Statement()));
        var text = PdfText.All(pdf);

        Assert.Equal(3, SeedDocuments.Answers.Count);
        foreach (var paragraph in SeedDocuments.Answers.SelectMany(a => a.Paragraphs))
        {
            Assert.Contains(SeedDocuments.Flat(paragraph), text, StringComparison.Ordinal);
        }
        Assert.Contains("Ende des 2. Quartals 2019", text, StringComparison.Ordinal);
        Assert.Contains("„Task Force Digitalisierung“", text, StringComparison.Ordinal);
        Assert.Contains(SeedDocuments.StatementIntroduction, text, StringComparison.Ordinal);
        Assert.Contains("Öffentliche Stellungnahme", text, StringComparison.Ordinal);
        Assert.Contains("Amt/Eigenbetrieb und ggf. beteiligte Ämter: 11", text, StringComparison.Ordinal);
        Assert.Contains("Drucksachennummer: 0930/2018", text, StringComparison.Ordinal);
        Assert.Contains("Betreff: Anfrage der Fraktion Hagen Aktiv hier: E-Government - Digitalisierungsstrategie", text, StringComparison.Ordinal);
        Assert.Contains("Beratungsfolge: 27.09.2018 Rat der Stadt Hagen", text, StringComparison.Ordinal);
        Assert.Contains("gez. Erik O. Schulz (Oberbürgermeister)", text, StringComparison.Ordinal);
        Assert.Contains("Stadt Hagen Der Oberbürgermeister Rathausstraße 13 58095 Hagen", text, StringComparison.Ordinal);
        // Question numbers stand before their answers.
        Assert.True(text.IndexOf("1. Die Erstellung", StringComparison.Ordinal) < text.IndexOf("2. Die für", StringComparison.Ordinal));
        Assert.Contains("3. Die Verwaltung berichtet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeedInquiry_FormAndCoverLetterWithUmlauts()
    {
        using var pdf = PdfDocument.Open(OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Inquiry(reference: null)));
        var text = PdfText.All(pdf);

        // The letter starts on its own page.
        Assert.True(pdf.NumberOfPages >= 2);
        Assert.DoesNotContain("Sehr geehrter", PdfText.Of(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.Contains("Drucksachennummer: neu", text, StringComparison.Ordinal);
        Assert.Contains("Absender: Fraktion Hagen Aktiv im Rat der Stadt Hagen", text, StringComparison.Ordinal);
        Assert.Contains("Kurzfassung entfällt", text, StringComparison.Ordinal);
        Assert.Contains("Begründung siehe Anlage", text, StringComparison.Ordinal);
        Assert.Contains("Inklusion von Menschen mit Behinderung Belange von Menschen mit Behinderung sind nicht betroffen", text, StringComparison.Ordinal);
        for (var i = 0; i < SeedDocuments.Questions.Count; i++)
        {
            Assert.Contains($"{i + 1}. {SeedDocuments.Flat(SeedDocuments.Questions[i])}", text, StringComparison.Ordinal);
        }

        var letter = PdfText.All(pdf, fromPage: 2);
        Assert.Contains("Herrn Oberbürgermeister Erik O. Schulz Rathausstr. 13 58095 Hagen", letter, StringComparison.Ordinal);
        Assert.Contains("14. September 2018", letter, StringComparison.Ordinal);
        Assert.Contains("Sehr geehrter Herr Oberbürgermeister,", letter, StringComparison.Ordinal);
        Assert.Contains("Wir bitten um die Beantwortung der folgenden Fragen:", letter, StringComparison.Ordinal);
        foreach (var paragraph in SeedDocuments.LetterReasoning)
        {
            Assert.Contains(SeedDocuments.Flat(paragraph), letter, StringComparison.Ordinal);
        }
        Assert.Contains("Mit freundlichen Grüßen Dr. Josef Bücker (Fraktionsvorsitzender Hagen Aktiv)", letter, StringComparison.Ordinal);
        Assert.Contains("f. d. R.: Karin Nigbur-Martini (Fraktionsgeschäftsführerin)", letter, StringComparison.Ordinal);
        Assert.Contains("Rathausstraße 11", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsA4WithEmbeddedFontAndMetadata()
    {
        using var pdf = PdfDocument.Open(OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Statement()));

        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(A4Width, page.Width, 0.5);
            Assert.Equal(A4Height, page.Height, 0.5);
            // "ABCDEF+DejaVu Sans": a subset embedded in the file, not a reference to a system font.
            Assert.All(page.Letters, l => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans", l.FontName));
        }
        Assert.Equal("Öffentliche Stellungnahme: Anfrage der Fraktion Hagen Aktiv, hier: E-Government - Digitalisierungsstrategie", pdf.Information.Title);
        Assert.Equal("Stadt Hagen", pdf.Information.Author);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out var lang));
        Assert.Equal("de-DE", Assert.IsType<StringToken>(lang).Data);
    }

    [Fact]
    public void Render_LongAnswer_BreaksPagesAndNumbersThem()
    {
        var words = Enumerable.Range(1, 2500).Select(i => $"Wort{i}");
        var longAnswer = new StatementAnswer(1, [string.Join(' ', words), "Schlussabsatz mit Überhang äöüß."]);
        using var pdf = PdfDocument.Open(OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Statement([longAnswer])));

        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        var text = PdfText.All(pdf);
        // Every word once, in order, nothing lost at a page break.
        Assert.Contains(string.Join(' ', words), text, StringComparison.Ordinal);
        Assert.Contains("Schlussabsatz mit Überhang äöüß.", text, StringComparison.Ordinal);
        foreach (var page in pdf.GetPages())
        {
            var pageText = PdfText.Of(page);
            Assert.EndsWith($"Seite {page.Number} von {pdf.NumberOfPages}", pageText, StringComparison.Ordinal);
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width));
            // Body text keeps clear of the page number at the bottom (PDF y grows upwards).
            Assert.All(page.GetWords().Where(w => !w.Text.StartsWith("Seite", StringComparison.Ordinal) && !w.Text.Contains("von", StringComparison.Ordinal) && !int.TryParse(w.Text, out _)), w => Assert.True(w.BoundingBox.Bottom > 60, $"{w.Text} at {w.BoundingBox.Bottom}"));
        }
        Assert.Contains("gez.", PdfText.Of(pdf.GetPage(pdf.NumberOfPages)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverlongWord_IsSplitNotCut()
    {
        var word = string.Concat(Enumerable.Repeat("Donaudampfschifffahrtsgesellschaft", 8));
        using var pdf = PdfDocument.Open(OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Statement([new StatementAnswer(1, [word])])));
        var page = pdf.GetPage(1);
        Assert.Equal(word, string.Concat(page.GetWords().Where(w => w.Text.StartsWith("Donau", StringComparison.Ordinal) || w.Text.Contains("Donau", StringComparison.Ordinal)).Select(w => w.Text)));
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width));
    }
}
