using System.IO.Compression;
using System.Text;
using OpenRis.Documents.Packages;
using OpenRis.Documents.Tests.Official;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UglyToad.PdfPig.Outline;

namespace OpenRis.Documents.Tests.Packages;

public sealed class MeetingPackageTests
{
    /// <summary>A real two-page PDF, written with PDFsharp.</summary>
    private static byte[] TwoPagePdf(string marker)
    {
        OpenRis.Documents.Official.EmbeddedFonts.Install();
        using var document = new PdfDocument();
        for (var i = 1; i <= 2; i++)
        {
            var page = document.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"{marker} Blatt {i}", new XFont("DejaVu Sans", 12), XBrushes.Black, 50, 100);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static MeetingPackage Package() => new("Sitzung des Rates am 27.09.2018", "Öffentliche Unterlagen", [
        new PackageSection("Sitzung", [new PackageDocument("Einladung", "einladung.md", "text/markdown", Encoding.UTF8.GetBytes("## **Einladung**\n\nSehr geehrte Damen und Herren,\n\nhiermit lade ich ein."))]),
        new PackageSection("TOP 1: E-Government / Digitalisierung", [
            new PackageDocument("Vorlage 0930/2018", "0930-2018.pdf", "application/pdf", TwoPagePdf("Anfrage")),
            new PackageDocument("Plan: Teil 1?", "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [1, 2, 3]),
            new PackageDocument("Kaputt", "kaputt.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 not really")),
        ]),
    ]);

    [Fact]
    public void Pdf_HasContentsPageAllPagesAndABookmarkPerItemAndDocument()
    {
        using var output = new MemoryStream();
        MeetingPackagePdf.Write(Package(), output);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(output.ToArray());
        Assert.Equal(4, pdf.NumberOfPages); // contents, invitation, two imported pages
        var contents = PdfText.Of(pdf.GetPage(1));
        Assert.Contains("Sitzung des Rates am 27.09.2018", contents, StringComparison.Ordinal);
        Assert.Contains("Seite 2: Einladung", contents, StringComparison.Ordinal);
        Assert.Contains("Seite 3: Vorlage 0930/2018", contents, StringComparison.Ordinal);
        Assert.Contains("Plan: Teil 1? (nicht im PDF enthalten, siehe ZIP-Archiv)", contents, StringComparison.Ordinal);
        Assert.Contains("Kaputt (nicht im PDF enthalten", contents, StringComparison.Ordinal);
        Assert.Contains("hiermit lade ich ein.", PdfText.Of(pdf.GetPage(2)), StringComparison.Ordinal);
        Assert.DoesNotContain("**", PdfText.Of(pdf.GetPage(2)), StringComparison.Ordinal);
        Assert.Contains("Anfrage Blatt 2", PdfText.Of(pdf.GetPage(4)), StringComparison.Ordinal);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(["Inhalt", "Sitzung", "TOP 1: E-Government / Digitalisierung"], roots);
        var top = bookmarks.Roots[2];
        var child = Assert.Single(top.Children);
        Assert.Equal("Vorlage 0930/2018", child.Title);
        Assert.Equal(3, Assert.IsType<DocumentBookmarkNode>(child).PageNumber);
    }

    [Fact]
    public void Pdf_ManyDocuments_ContentsRunOverPagesAndNumbersStayRight()
    {
        var documents = Enumerable.Range(1, 80).Select(i => new PackageDocument($"Anlage {i}", $"a{i}.txt", "text/plain", Encoding.UTF8.GetBytes($"Inhalt der Anlage {i}."))).ToList();
        using var output = new MemoryStream();
        MeetingPackagePdf.Write(new MeetingPackage("Sitzung", "Unterlagen", [new PackageSection("TOP 1", documents)]), output);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(output.ToArray());
        var contentsPages = pdf.NumberOfPages - 80;
        Assert.True(contentsPages > 1);
        var all = PdfText.All(pdf);
        Assert.Contains($"Seite {contentsPages + 80}: Anlage 80", all, StringComparison.Ordinal);
        Assert.Contains("Inhalt der Anlage 80.", PdfText.Of(pdf.GetPage(contentsPages + 80)), StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_HasEveryDocumentUnderASaneNumberedName()
    {
        using var output = new MemoryStream();
        MeetingPackageZip.Write(Package(), output);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(
            ["01 Sitzung/01 Einladung.md", "02 TOP 1 E-Government - Digitalisierung/01 Vorlage 0930-2018.pdf",
             "02 TOP 1 E-Government - Digitalisierung/02 Plan Teil 1.docx", "02 TOP 1 E-Government - Digitalisierung/03 Kaputt.pdf"],
            zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.Entries[0].Open());
        Assert.StartsWith("## **Einladung**", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TOP 1: Haushalt 2019/2020", "TOP 1 Haushalt 2019-2020")]
    [InlineData("..\\..\\etc/passwd", "-..-etc-passwd")]
    [InlineData("  ...  ", "Dokument")]
    [InlineData("Straßenausbau <Süd> | \"Lärm\"*?", "Straßenausbau Süd Lärm")]
    public void SafeName_KeepsLettersAndDropsWhatFileSystemsRefuse(string name, string expected) =>
        Assert.Equal(expected, MeetingPackageZip.SafeName(name));
}
