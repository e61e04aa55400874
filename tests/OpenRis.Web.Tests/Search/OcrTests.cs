using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Documents;
using OpenRis.Documents.Official;
using OpenRis.Web.Demo;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Workflow;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// Scanned pages are found by search: a real image-only PDF (a German text page rendered to a
/// picture by pdftoppm and wrapped into a new PDF, so it has no text layer) is read by the
/// installed Tesseract, both directly and through an attachment uploaded in the workspace.
/// </summary>
public sealed class OcrTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // "Quellenwiese" and "Wasserturms" occur nowhere in the demo data: only the scan can bring them.
    private static readonly string[] Lines = ["Sanierung des Wasserturms", "an der Quellenwiese", "Die Kosten betragen 480.000 Euro."];

    private static TesseractOcr Ocr()
    {
        var (ocr, missing) = TesseractOcr.Find();
        Assert.True(ocr is not null, $"OCR is not available: {missing} (scripts/test.sh installs it)");
        return ocr!;
    }

    /// <summary>An A4 PDF whose only content is a 200 dpi picture of the lines.</summary>
    internal static byte[] ScannedPdf(params string[] lines)
    {
        EmbeddedFonts.Install();
        var folder = Directory.CreateTempSubdirectory("openris-scan-");
        try
        {
            var textPdf = Path.Combine(folder.FullName, "text.pdf");
            using (var document = new PdfDocument())
            {
                var page = document.AddPage();
                using (var graphics = XGraphics.FromPdfPage(page))
                {
                    var font = new XFont(EmbeddedFonts.Family, 20);
                    for (var i = 0; i < lines.Length; i++)
                    {
                        graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(70, 120 + 40 * i));
                    }
                }
                document.Save(textPdf);
            }
            var picture = Path.Combine(folder.FullName, "page");
            using (var render = Process.Start("pdftoppm", ["-r", "200", "-png", "-singlefile", textPdf, picture]))
            {
                render.WaitForExit();
                Assert.Equal(0, render.ExitCode);
            }
            using var scan = new PdfDocument();
            var scanned = scan.AddPage();
            using (var graphics = XGraphics.FromPdfPage(scanned))
            using (var image = XImage.FromFile(picture + ".png"))
            {
                graphics.DrawImage(image, 0, 0, scanned.Width.Point, scanned.Height.Point);
            }
            using var output = new MemoryStream();
            scan.Save(output);
            return output.ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ScannedPage_HasNoTextLayer_AndTesseractReadsIt()
    {
        var pdf = ScannedPdf(Lines);
        Assert.True(string.IsNullOrWhiteSpace(PdfTextExtractor.Extract(pdf)), "the scan must have no text layer");
        var text = PdfTextExtractor.Extract(pdf, Ocr());
        Assert.NotNull(text);
        Assert.Contains("Wasserturms", text, StringComparison.Ordinal);
        Assert.Contains("Quellenwiese", text, StringComparison.Ordinal);
        Assert.Contains("Kosten", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ScannedAttachment_IsFoundByAWordOnlyInTheScan(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (app, _) = await SeedCaseTests.StartBeforeTheCaseAsync(database);
        await using var _app = app;
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync("/arbeitsbereich/vorlagen/neu");
        using var saved = await faction.SubmitAsync("/arbeitsbereich/vorlagen/neu", "Entwurf speichern", new()
        {
            ["Form.KindId"] = form.Option("Form.KindId", "Antrag"),
            ["Form.Subject"] = "Wasserversorgung im Ortsteil",
            ["Form.Text"] = "Siehe Anlage.",
        }, file: ("Attachment", "scan.pdf", ScannedPdf(Lines)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = long.Parse(saved.Location().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = database.NewContext())
        {
            var file = await db.Files.SingleAsync(f => f.PaperId == id, Token);
            Assert.Contains("Quellenwiese", file.Text, StringComparison.Ordinal);
        }
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        // The draft is the faction's own, so it searches as the faction.
        using var response = await faction.GetAsync(new Uri("/api/search?q=Quellenwiese", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        var hit = Assert.Single(result.GetProperty("hits").EnumerateArray());
        Assert.Equal(id, hit.GetProperty("id").GetInt64());
        Assert.Contains("<mark>Quellenwiese</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }
}
