namespace OpenRis.Documents.Tests;

public sealed class PaperNumbersTests
{
    [Theory]
    [InlineData("0930/2018", "0930/2018")]
    [InlineData("930/2018", "0930/2018")]
    [InlineData("930/18", "0930/2018")]
    [InlineData("DS 0930/2018", "0930/2018")]
    [InlineData("Drucksache 0930-2018", "0930/2018")]
    [InlineData("Drucksachennummer: 0930/2018", "0930/2018")]
    [InlineData("Vorlage Nr. 853/2018", "0853/2018")]
    [InlineData("0885-1/2013", "0885-1/2013")]
    [InlineData("1159/2017", "1159/2017")]
    [InlineData("12/99", "0012/1999")]
    public void Normalize_UsualSpellings_GiveTheCanonicalNumber(string typed, string canonical) =>
        Assert.Equal(canonical, PaperNumbers.Normalize(typed));

    [Theory]
    [InlineData("Digitalisierung")]
    [InlineData("27.09.2018")]
    [InlineData("0/2018")]
    [InlineData("")]
    public void Normalize_NoNumber_GivesNull(string typed) => Assert.Null(PaperNumbers.Normalize(typed));

    [Theory]
    [InlineData("eine entsprechende Anfrage von Hagen Aktiv (Vorlagennummer 1159/2017) geantwortet", "1159/2017", "Vorlagennummer 1159/2017")]
    [InlineData("im Rahmen der Beratung der Vorlage 0853/2018 „Einrichtung einer Task Force", "0853/2018", "Vorlage 0853/2018")]
    [InlineData("Weitere Details sind der o.a. Vorlage 0853/2018 zu entnehmen.", "0853/2018", "Vorlage 0853/2018")]
    [InlineData("zitiert als DS 0930/2018 'hier: E-Government - Digitalisierungsstrategie'", "0930/2018", "DS 0930/2018")]
    [InlineData("Betreff: Drucksachennummer: 0930/2018", "0930/2018", "Drucksachennummer: 0930/2018")]
    [InlineData("siehe 0517-1/2023", "0517-1/2023", "0517-1/2023")]
    public void Find_InRunningText_GivesNumberAndWords(string text, string reference, string citedAs)
    {
        var match = Assert.Single(PaperNumbers.Find(text));
        Assert.Equal(reference, match.Reference);
        Assert.Equal(citedAs, match.CitedAs);
        Assert.Equal(text.IndexOf(citedAs, StringComparison.Ordinal), match.Index);
    }

    [Theory]
    [InlineData("Die Sitzung am 27.09.2018 beginnt um 15:00 Uhr.")]
    [InlineData("Seiten 1/2 und 3/4 der Anlage")]
    [InlineData("Ende des 2. Quartals 2019 zu rechnen")]
    [InlineData("Tel.: 0 23 31 / 207 – 55 28")]
    public void Find_DatesPagesAndPhoneNumbers_AreNotPapers(string text) => Assert.Empty(PaperNumbers.Find(text));

    [Fact]
    public void Find_SeveralNumbers_InOrder()
    {
        var found = PaperNumbers.Find("Zu 1159/2017 und Vorlage 0853/2018 sowie DS 0930/2018.");
        Assert.Equal(["1159/2017", "0853/2018", "0930/2018"], found.Select(m => m.Reference));
    }
}
