using OpenRis.Documents.Official;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OpenRis.Web.Tests.Files;

/// <summary>The faction's cover letter written from workflow data into the official PDF and HTML, read back with PdfPig.</summary>
public sealed class InquiryCoverLetterTests
{
    private static readonly TargetMeeting Council = new(new DateOnly(2018, 9, 27), "Rat der Stadt Hagen");

    private static Paper FiledInquiry()
    {
        var faction = new Organization
        {
            Name = "Fraktion Hagen Aktiv im Rat der Stadt Hagen",
            ShortName = "Hagen Aktiv",
            OrganizationType = Organization.TypeFaction,
            Website = "www.fraktion-hagen-aktiv.de",
            Location = new Location { StreetAddress = "Rathausstraße 11", PostalCode = "58095", Locality = "Hagen" },
        };
        var paper = new Paper
        {
            Kind = new PaperKind { Name = "Anfrage nach § 5 GeschO", HasQuestions = true },
            Name = "Anfrage der Fraktion Hagen Aktiv",
            Subject = "E-Government - Digitalisierungsstrategie",
            Reference = "0930/2018",
            ReceivedAt = new DateTime(2018, 9, 14, 9, 30, 0, DateTimeKind.Utc),
            Date = new DateOnly(2018, 9, 14),
            Reasoning = HagenTexts.Reasoning,
            OriginatorOrganizations = [faction],
        };
        paper.Questions.AddRange([new Question { Number = 1, Text = HagenTexts.Question1 }, new Question { Number = 2, Text = HagenTexts.Question2 }, new Question { Number = 3, Text = HagenTexts.Question3 }]);
        // Listed out of order on purpose: the letter prints them by position.
        paper.Signatures.Add(new Signature { Position = 1, Formula = Signature.CertifiedCorrect, Name = "Karin Nigbur-Martini", Function = "Fraktionsgeschäftsführerin" });
        paper.Signatures.Add(new Signature { Position = 0, Name = "Dr. Josef Bücker", Function = "Fraktionsvorsitzender Hagen Aktiv" });
        return paper;
    }

    private static InquiryDocument Document(Paper paper, CoverLetter? letter) =>
        new(paper.Kind.Name, paper.OriginatorOrganizations[0].Name, paper.Reference, paper.Date!.Value, Council, paper.Name, paper.Subject,
            paper.Questions.Select(q => q.Text).ToList(), null, letter is null ? paper.Reasoning : null, [], letter);

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void For_FiledInquiry_TakesEveryFieldFromTheWorkflowAndTheLetterhead()
    {
        var options = new LetterheadOptions { CoverLetterAddressee = ["Frau Oberbürgermeisterin", "Erika Muster"], CoverLetterSalutation = "Sehr geehrte Frau Oberbürgermeisterin,", AddressLines = ["Markt 1", "12345 Musterstadt"] };

        var letter = InquiryCoverLetter.For(FiledInquiry(), Council, options)!;

        Assert.Equal("HAGEN AKTIV", letter.SenderName);
        Assert.Equal("Fraktion Hagen Aktiv im Rat der Stadt Hagen, Rathausstraße 11, 58095 Hagen", letter.SenderLine);
        Assert.Equal(["Frau Oberbürgermeisterin", "Erika Muster", "Markt 1", "12345 Musterstadt"], letter.Addressee);
        Assert.Equal("Sehr geehrte Frau Oberbürgermeisterin,", letter.Salutation);
        Assert.Equal(new DateOnly(2018, 9, 14), letter.Date);
        Assert.Equal("Anfrage nach § 5 GeschO: E-Government - Digitalisierungsstrategie", letter.Subject);
        Assert.Contains("„Rat der Stadt Hagen“ am 27.09.2018", Assert.Single(letter.Introduction), StringComparison.Ordinal);
        Assert.Equal(HagenTexts.Reasoning.Split("\n\n").Length, letter.Reasoning.Count);
        Assert.Equal([("Dr. Josef Bücker", false), ("Karin Nigbur-Martini", true)], letter.Signatories.Select(s => (s.Name, s.ForTheRecord)));
        Assert.Equal(["Internet: www.fraktion-hagen-aktiv.de"], letter.ContactLines);
    }

    [Fact]
    public void For_WithoutFactionOrSignatories_IsNoLetter()
    {
        var unsigned = FiledInquiry();
        unsigned.Signatures.Clear();
        var anonymous = FiledInquiry();
        anonymous.OriginatorOrganizations.Clear();

        Assert.Null(InquiryCoverLetter.For(unsigned, Council, new LetterheadOptions()));
        Assert.Null(InquiryCoverLetter.For(anonymous, Council, new LetterheadOptions()));
    }

    [Fact]
    public void Pdf_CarriesTheLetterAfterTheForm_TextSelectable()
    {
        var paper = FiledInquiry();
        var options = new LetterheadOptions();
        var pdf = OfficialDocumentPdf.Render(options.ToLetterhead(), Document(paper, InquiryCoverLetter.For(paper, Council, options)));

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
        var letterStart = pages.FindIndex(p => p.Contains("Schreiben an den Oberbürgermeister", StringComparison.Ordinal));
        Assert.True(letterStart > 0, "the letter starts on a page of its own after the form");
        Assert.Contains("siehe Anlage", pages[0], StringComparison.Ordinal);
        var letter = Squash(string.Join("\n", pages.Skip(letterStart)));
        foreach (var expected in new[]
        {
            "HAGEN AKTIV", "Fraktion Hagen Aktiv im Rat der Stadt Hagen, Rathausstraße 11, 58095 Hagen", "Herrn Oberbürgermeister", "Erik O. Schulz", "Rathausstraße 13",
            "14. September 2018", "Anfrage nach § 5 GeschO: E-Government - Digitalisierungsstrategie", "Sehr geehrter Herr Oberbürgermeister,",
            "Wir bitten um die Beantwortung der folgenden Fragen:", Squash(HagenTexts.Question3), Squash(HagenTexts.Reasoning.Split("\n\n")[0]),
            "Mit freundlichen Grüßen", "Dr. Josef Bücker", "f. d. R.: Karin Nigbur-Martini", "Fraktionsgeschäftsführerin",
        })
        {
            Assert.Contains(expected, letter, StringComparison.Ordinal);
        }
        Assert.True(letter.IndexOf("Dr. Josef Bücker", StringComparison.Ordinal) < letter.IndexOf("f. d. R.: Karin Nigbur-Martini", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_CarriesTheSameLetter_Encoded()
    {
        var paper = FiledInquiry();
        paper.Reasoning = "<script>alert(1)</script> bleibt Text.";
        var options = new LetterheadOptions();

        var html = OfficialDocumentHtml.Render(options.ToLetterhead(), Document(paper, InquiryCoverLetter.For(paper, Council, options)));

        // The renderer encodes non-ASCII letters too; the reader sees the decoded text.
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("Sehr geehrter Herr Oberbürgermeister,", text, StringComparison.Ordinal);
        Assert.Contains("f. d. R.: Karin Nigbur-Martini", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}
