using System.Text;
using OpenRis.Documents.Import;

namespace OpenRis.Documents.Tests.Import;

/// <summary>Whatever a folder or an upload holds, the parser answers with a reason, never with an exception.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "leer.txt", [], "Die Datei ist leer." },
        { "nur-leerzeichen.txt", Encoding.UTF8.GetBytes("  \n\n \t \n"), "Die Datei enthält keinen Text." },
        { "bild.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "Die Datei ist weder PDF noch gültiger UTF-8-Text." },
        { "binaer.md", Encoding.UTF8.GetBytes("ANFRAGE\0\0\0\u0001\u0002\u0003\u0004\u0005\u0006"), "Die Datei enthält Binärdaten, keinen Text." },
        { "latin1.txt", Encoding.Latin1.GetBytes("ANFRAGE der Fraktion – Öffnungszeiten für Bürger"), "Die Datei ist weder PDF noch gültiger UTF-8-Text." },
        { "falsch.pdf", Encoding.UTF8.GetBytes("ANFRAGE\nhier: kein PDF"), "Die Datei heißt .pdf, ist aber kein PDF (Kennung %PDF- fehlt)." },
        { "kaputt.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage"), "Das PDF ist beschädigt und kann nicht gelesen werden." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void UnreadableFiles_AreRefusedWithAReason(string fileName, byte[] content, string reason)
    {
        var document = CouncilPaperParser.ParseFile(content, fileName);

        Assert.False(document.IsCouncilPaper);
        Assert.Equal(reason, document.NotAPaperBecause);
        Assert.Equal(0, document.Confidence);
    }

    [Fact]
    public void TooLarge_IsRefusedBeforeReading()
    {
        var document = CouncilPaperParser.ParseFile(new byte[SourceText.MaxBytes + 1], "riesig.txt");

        Assert.StartsWith("Die Datei ist größer als", document.NotAPaperBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt ut labore.")]
    [InlineData("Zutaten: 200 g Mehl, 3 Eier, 1 Prise Salz.\n1. Mehl sieben.\n2. Eier unterrühren.\nGuten Appetit!")]
    [InlineData("Sehr geehrte Damen und Herren,\nam 27.09.2018 feiern wir unser Sommerfest.\nMit freundlichen Grüßen\nErika Mustermann")]
    [InlineData("%%%%\n#### ****\n12/12\n!!!")]
    public void OtherTexts_AreNotCouncilPapers(string text)
    {
        var document = CouncilPaperParser.ParseFile(Encoding.UTF8.GetBytes(text), "text.txt");

        Assert.False(document.IsCouncilPaper);
        Assert.StartsWith("Kein Ratsdokument erkannt", document.NotAPaperBecause, StringComparison.Ordinal);
        Assert.True(document.Confidence < 0.25);
    }

    /// <summary>Cut anywhere, the seed still parses: a half file (a broken download) must not throw.</summary>
    [Fact]
    public void TruncatedSeed_NeverThrows()
    {
        var text = SharedSeed.Text;
        for (var length = 0; length < text.Length; length += 37)
        {
            var document = CouncilPaperParser.Parse(text[..length]);
            Assert.NotNull(document);
        }
    }
}
