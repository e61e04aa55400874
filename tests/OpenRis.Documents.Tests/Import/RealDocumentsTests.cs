using OpenRis.Documents.Import;

namespace OpenRis.Documents.Tests.Import;

/// <summary>
/// Real council documents from ../shared/data/texts (Karlsruhe, SessionNet forms of 2005–2026; Nordstemmen,
/// SD.NET templates of 2011–2021), each with the fields read off the text by hand. A null expectation is
/// not checked; every row checks at least four fields.
/// </summary>
public sealed class RealDocumentsTests
{
    private sealed record Expected(string Kind)
    {
        public int Paper { get; init; }
        public int? Papers { get; init; }
        public string? Number { get; init; }
        public string? Subject { get; init; }
        public string? Originator { get; init; }
        public string? Office { get; init; }
        public DateOnly? Date { get; init; }
        public (string Body, DateOnly Date, string? Role)? FirstConsultation { get; init; }
        public int? Consultations { get; init; }
        public int? Questions { get; init; }
        public int? Answers { get; init; }
        public string? Signatory { get; init; }
        public string? Reference { get; init; }

        // The answer block of a combined form carries no header of its own, so it is rightly less certain.
        public double MinConfidence { get; init; } = 0.4;
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly Dictionary<string, Expected> Samples = new()
    {
        ["karlsruhe/vo-16565/502903.txt"] = new("Anfrage") { Questions = 6, Signatory = "Doris Baitinger", Papers = 2 },
        ["karlsruhe/vo-16565/502902.txt"] = new("Anfrage")
        {
            Papers = 2,
            Subject = "Maßnahmen hinsichtlich Ratten und Tauben",
            Office = "Dez. 2",
            Originator = "SPD",
            Date = D(2005, 9, 27),
            FirstConsultation = ("Gemeinderates", D(2005, 10, 25), null),
        },
        ["karlsruhe/vo-16565/502902.txt#2"] = new("Stellungnahme") { Paper = 1, Answers = 6, MinConfidence = 0.25 },
        ["karlsruhe/vo-37184/608577.txt"] = new("Anfrage")
        {
            Number = "2019/0273",
            Subject = "Mietpreisbremse und Wohnungsleerstände in Karlsruhe",
            Originator = "Die Linke",
            FirstConsultation = ("Gemeinderat", D(2019, 6, 25), null),
            Questions = 7,
            Signatory = "Sabine Zürn",
        },
        ["karlsruhe/vo-37167/608456.txt"] = new("Antrag")
        {
            Number = "2019/0255",
            Subject = "Soziale Erhaltungssatzung",
            Originator = "SPD",
            Consultations = 3,
            FirstConsultation = ("Gemeinderat", D(2020, 6, 30), null),
            Signatory = "Parsa Marvi",
        },
        ["karlsruhe/vo-37167/609659.txt"] = new("Stellungnahme")
        {
            Number = "2019/0255",
            Subject = "Soziale Erhaltungssatzung",
            Office = "Dez. 6",
            Consultations = 1,
            FirstConsultation = ("Gemeinderat", D(2019, 5, 14), null),
        },
        ["karlsruhe/vo-37167/615554.txt"] = new("Stellungnahme")
        {
            Number = "2019/0403",
            Subject = "Erhaltungssatzung zum Milieuschutz",
            Office = "Dez. 6",
            Consultations = 3,
            FirstConsultation = ("Gemeinderat", D(2020, 6, 20), null),
            Reference = "2019/0255",
        },
        ["karlsruhe/vo-46495/636613.txt"] = new("Stellungnahme")
        {
            Number = "2022/0209",
            Subject = "Jugendarbeit in den Bergdörfern – Pumptrack-Anlage in Hohenwettersbach",
            Office = "Dez. 5",
            FirstConsultation = ("Gemeinderat", D(2022, 3, 29), null),
            Answers = 3,
        },
        ["karlsruhe/vo-54060/676356.txt"] = new("Stellungnahme")
        {
            Number = "2025/1226",
            Subject = "Angriffe und Bedrohungen auf städtisches Personal",
            Office = "Dez. 2",
            FirstConsultation = ("Gemeinderat", D(2026, 2, 24), "Kenntnisnahme"),
        },
        ["karlsruhe/vo-48373/645967.txt"] = new("Änderungsantrag")
        {
            Number = "2023/0152/1",
            Subject = "Integriertes Stadtentwicklungskonzept Karlsruhe 2040",
            Originator = "SPD",
            Date = D(2023, 3, 23),
            Consultations = 2,
            FirstConsultation = ("Hauptausschuss", D(2023, 5, 9), null),
            Signatory = "Yvette Melchien",
        },
        ["karlsruhe/vo-47117/642474.txt"] = new("Informationsvorlage")
        {
            Number = "2022/0800",
            Subject = "Radschnellverbindungen Karlsruhe - Ettlingen und Karlsruhe - Rastatt",
            Office = "Dez. 6",
            FirstConsultation = ("Planungsausschuss", D(2023, 1, 12), null),
        },
        ["nordstemmen/DS_41-2017/Beschlussvorlage_DS_41-2017.txt"] = new("Beschlussvorlage")
        {
            Number = "0041/2017",
            Subject = "Gestaltung Ehrenmal Barnten",
            Office = "Planung, Bau und Umwelt",
            Date = D(2017, 4, 25),
            Consultations = 1,
            FirstConsultation = ("Ortsrat Barnten", D(2017, 11, 9), "Beratung und Beschlussfassung"),
        },
        ["nordstemmen/DS_30-2011/Beschlussvorlage_DS_30-2011.txt"] = new("Beschlussvorlage")
        {
            Number = "0030/2011",
            Subject = "Richtlinien über die Aufnahme von Krediten nach § 120 Abs. 1 Niedersächsisches Kommunalverfassungsgesetz",
            Office = "Finanzen",
            Date = D(2011, 4, 13),
            Consultations = 5,
            FirstConsultation = ("Fachausschuss Finanzen", D(2011, 8, 9), "Beratung und Empfehlung"),
            Signatory = "Karl-Heinz Bothmann",
        },
        ["nordstemmen/DS_68-2021/Beschlussvorlage_DS_68-2021.txt"] = new("Beschlussvorlage")
        {
            Number = "0068/2021",
            Subject = "Neuwahl einer Schiedsperson für den Schiedsamtsbezirk Groß Escherde in der Gemeinde Nordstemmen",
            Consultations = 2,
            FirstConsultation = ("Verwaltungsausschuss", D(2021, 6, 24), "Beratung und Empfehlung"),
        },
        ["nordstemmen/DS_41-2019/Mitteilungsvorlage_DS_41-2019.txt"] = new("Mitteilungsvorlage")
        {
            Number = "0041/2019",
            Office = "Innere Dienste und Finanzen",
            Consultations = 9,
            FirstConsultation = ("Ortsrat Heyersum", D(2019, 5, 7), null),
            Subject = "Mittelanmeldungen von den Ortsräten für den Haushalt 2020 sowie für die mittelfristige Finanzplanung 2021 bis 2023",
        },
    };

    public static TheoryData<string> SampleNames => [.. Samples.Keys];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void RealDocument_YieldsTheFieldsReadByHand(string name)
    {
        var expected = Samples[name];
        var document = Parse(name.Split('#')[0]);

        Assert.True(document.IsCouncilPaper, document.NotAPaperBecause);
        if (expected.Papers is { } papers)
        {
            Assert.Equal(papers, document.Papers.Count);
        }
        var paper = document.Papers[expected.Paper];
        Assert.Equal(expected.Kind, paper.Kind?.Value);
        Check(expected.Number, paper.Number?.Value);
        Check(expected.Subject, paper.Subject?.Value);
        Check(expected.Originator, paper.Originator?.Value);
        Check(expected.Office, paper.LeadOffice?.Value);
        Check(expected.Signatory, paper.Signatory?.Value);
        Check(expected.Date, paper.Date?.Value);
        Check(expected.Consultations, paper.Consultations.Count);
        Check(expected.Questions, paper.Questions.Count);
        Check(expected.Answers, paper.Answers.Count);
        if (expected.FirstConsultation is var (body, date, role))
        {
            Assert.Equal(new ParsedConsultation(body, date, role), paper.Consultations[0].Value);
        }
        if (expected.Reference is { } reference)
        {
            Assert.Contains(reference, paper.References.Select(r => r.Value));
        }
        Assert.InRange(paper.Confidence, expected.MinConfidence, 1);
    }

    [Theory]
    [InlineData("karlsruhe/vo-37167/610078.txt", "Niederschrift, keine Drucksache.")]
    [InlineData("nordstemmen/2007-03-01_Ortsrat_Gross_Escherde__2._Sitzung/Bekanntmachung_Ortsrat_Gross_Escherde_01.03.2007.txt", "Bekanntmachung, keine Drucksache.")]
    public void MinutesAndNotices_AreNoPapers(string name, string reason)
    {
        var document = Parse(name);

        Assert.False(document.IsCouncilPaper);
        Assert.Equal(reason, document.NotAPaperBecause);
    }

    /// <summary>Every text of the developer set parses without an exception; the share recognised is a floor, not a target.</summary>
    [Fact]
    public void AllSharedTexts_ParseWithoutException()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(SharedSeed.Path("data/texts/karlsruhe/index.csv"))!, "*.txt", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.GetDirectoryName(SharedSeed.Path("data/texts/nordstemmen/index.csv"))!, "*.txt", SearchOption.AllDirectories))
            .ToList();
        var recognised = files.Count(f => CouncilPaperParser.ParseFile(File.ReadAllBytes(f), f).IsCouncilPaper);

        Assert.True(files.Count > 1000, $"{files.Count} texts");
        Assert.True(recognised * 2 > files.Count, $"{recognised} of {files.Count} recognised as council papers");
    }

    private static ParsedDocument Parse(string name)
    {
        var path = SharedSeed.Path("data/texts/" + name);
        return CouncilPaperParser.ParseFile(File.ReadAllBytes(path), path);
    }

    private static void Check<T>(T? expected, T? actual)
    {
        if (expected is not null)
        {
            Assert.Equal(expected, actual);
        }
    }
}
