using System.Text;
using OpenRis.Documents.Import;
using OpenRis.Documents.Official;
using OpenRis.Documents.Tests.Official;

namespace OpenRis.Documents.Tests.Import;

/// <summary>The acceptance case of issue 7: the seed file yields the inquiry and the statement with their fields.</summary>
public sealed class SeedImportTests
{
    private static ParsedDocument Seed(string fileName = "000_feb7bdf30d635012.txt") =>
        CouncilPaperParser.ParseFile(Encoding.UTF8.GetBytes(SharedSeed.Text), fileName);

    [Theory]
    [InlineData("000_feb7bdf30d635012.txt")]
    [InlineData("anfrage.md")]
    public void Seed_HoldsTheInquiryAndTheStatement(string fileName)
    {
        var document = Seed(fileName);

        Assert.True(document.IsCouncilPaper, document.NotAPaperBecause);
        Assert.Equal(["Anfrage", "Stellungnahme"], document.Papers.Select(p => p.Kind?.Value));
    }

    [Fact]
    public void Inquiry_SenderSubjectMeetingAndQuestions()
    {
        var inquiry = Seed().Papers[0];

        Assert.Equal("Hagen Aktiv", inquiry.Originator?.Value);
        Assert.Equal("E-Government - Digitalisierungsstrategie", inquiry.Subject?.Value);
        var consultation = Assert.Single(inquiry.Consultations);
        Assert.Equal(new ParsedConsultation("Rat der Stadt Hagen", new DateOnly(2018, 9, 27), null), consultation.Value);
        Assert.Equal(new DateOnly(2018, 9, 14), inquiry.Date?.Value);
        Assert.Equal(SeedDocuments.Questions, inquiry.Questions.Select(q => q.Value.Text));
        Assert.Equal([1, 2, 3], inquiry.Questions.Select(q => q.Value.Number));
        Assert.Equal("Dr. Josef Bücker", inquiry.Signatory?.Value);
        Assert.Equal(["1159/2017"], inquiry.References.Select(r => r.Value));
        Assert.Null(inquiry.Number);
    }

    [Fact]
    public void Statement_NumberOfficeAnswersAndSignatory()
    {
        var statement = Seed().Papers[1];

        Assert.Equal("0930/2018", statement.Number?.Value);
        Assert.Equal("Amt 11", statement.LeadOffice?.Value);
        Assert.Equal(3, statement.Answers.Count);
        Assert.StartsWith("Die Erstellung einer Digitalisierungsstrategie ist Kernaufgabe", statement.Answers[0].Value.Text, StringComparison.Ordinal);
        // The first answer runs over three paragraphs; all of them belong to it.
        Assert.EndsWith("Ende des 2. Quartals 2019 zu rechnen.", statement.Answers[0].Value.Text, StringComparison.Ordinal);
        Assert.StartsWith("Die Verwaltung berichtet auch weiterhin", statement.Answers[2].Value.Text, StringComparison.Ordinal);
        Assert.Equal("Erik O. Schulz", statement.Signatory?.Value);
        Assert.Equal("Oberbürgermeister", statement.SignatoryRole?.Value);
        Assert.Equal(["0853/2018"], statement.References.Select(r => r.Value));
        Assert.Null(statement.Originator);
    }

    [Fact]
    public void EveryField_PointsAtTheLineItCameFrom()
    {
        var lines = SharedSeed.Text.Split('\n');
        var document = Seed();
        var fields = document.Papers.SelectMany(p => new ParsedField<string>?[] { p.Kind, p.Number, p.Subject, p.Originator, p.LeadOffice, p.Signatory })
            .OfType<ParsedField<string>>().ToList();

        Assert.Equal(9, fields.Count);
        foreach (var field in fields)
        {
            Assert.InRange(field.Confidence, 0.5, 1);
            Assert.Contains(field.Value.Replace("Amt ", "", StringComparison.Ordinal), lines[field.Line - 1], StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("0930/2018", lines[document.Papers[1].Number!.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void StatementRenderedAsPdf_IsReadBack()
    {
        var pdf = OfficialDocumentPdf.Render(SeedDocuments.Letterhead, SeedDocuments.Statement());

        var document = CouncilPaperParser.ParseFile(pdf, "stellungnahme.pdf");

        Assert.True(document.IsCouncilPaper, document.NotAPaperBecause);
        var statement = Assert.Single(document.Papers);
        Assert.Equal("Stellungnahme", statement.Kind?.Value);
        Assert.Equal("0930/2018", statement.Number?.Value);
        Assert.Equal(3, statement.Answers.Count);
        Assert.Equal("Erik O. Schulz", statement.Signatory?.Value);
    }
}
