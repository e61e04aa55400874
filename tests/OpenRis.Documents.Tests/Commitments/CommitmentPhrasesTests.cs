using System.Globalization;
using OpenRis.Documents.Commitments;

namespace OpenRis.Documents.Tests.Commitments;

public sealed class CommitmentPhrasesTests
{
    private static readonly DateOnly AnswerDate = new(2018, 9, 27);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void Find_HagenSeedAnswer_YieldsExactlyTheTwoCommitments()
    {
        var text = SharedSeed.Statement;

        var found = CommitmentPhrases.Find(text, AnswerDate);

        Assert.Collection(
            found,
            strategy =>
            {
                Assert.Equal(new DateOnly(2019, 6, 30), strategy.DueDate);
                Assert.Null(strategy.Recurrence);
                Assert.Equal("Ende des 2. Quartals 2019", strategy.Phrase);
                Assert.StartsWith("Unter Berücksichtigung der noch durchzuführenden Stellenbesetzungsverfahren ist mit einer Fertigstellung", strategy.Sentence, StringComparison.Ordinal);
                Assert.EndsWith("zu rechnen.", strategy.Sentence, StringComparison.Ordinal);
            },
            reports =>
            {
                Assert.Null(reports.DueDate);
                Assert.Equal(new EveryMeetingOf("Betriebsausschuss HABIT"), reports.Recurrence);
                Assert.Equal("in jeder Sitzung des Betriebsausschusses HABIT", reports.Phrase);
                Assert.StartsWith("Die Verwaltung berichtet auch weiterhin", reports.Sentence, StringComparison.Ordinal);
            });
        Assert.All(found, f => Assert.Equal(f.Sentence, text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Find_WholeSeed_QuestionsAndHistoryGiveNothingMore()
    {
        // The inquiry's questions and the letter's "im ersten Halbjahr 2018" must not add suggestions.
        var found = CommitmentPhrases.Find(SharedSeed.Text, AnswerDate);
        Assert.Equal([new DateOnly(2019, 6, 30), null], found.Select(f => f.DueDate));
    }

    [Theory]
    [InlineData("Mit einer Fertigstellung ist Ende des 2. Quartals 2019 zu rechnen.", "2019-06-30", "Ende des 2. Quartals 2019")]
    [InlineData("Die Verwaltung wird dem Ausschuss zum 01.10.2018 einen Sachstandsbericht vorlegen.", "2018-10-01", "zum 01.10.2018")]
    [InlineData("Der Bericht wird zum 01.10.2018 vorgelegt.", "2018-10-01", "zum 01.10.2018")]
    [InlineData("Der Abschlussbericht soll bis zum 31. März 2019 vorliegen.", "2019-03-31", "bis zum 31. März 2019")]
    [InlineData("Die Umsetzung ist bis Ende 2019 vorgesehen.", "2019-12-31", "Ende 2019")]
    [InlineData("Die Verwaltung wird das Konzept im ersten Halbjahr 2019 vorlegen.", "2019-06-30", "im ersten Halbjahr 2019")]
    [InlineData("Das Gutachten soll im 2. Halbjahr 2019 beauftragt werden.", "2019-12-31", "im 2. Halbjahr 2019")]
    [InlineData("Mit ersten Ergebnissen ist Mitte 2019 zu rechnen.", "2019-06-30", "Mitte 2019")]
    [InlineData("Ein Entwurf der Satzung wird bis Jahresende vorgelegt.", "2018-12-31", "bis Jahresende")]
    [InlineData("Die Verwaltung wird bis Ende des Jahres berichten.", "2018-12-31", "bis Ende des Jahres")]
    [InlineData("Die Ausschreibung soll im Herbst 2019 erfolgen.", "2019-11-30", "im Herbst 2019")]
    [InlineData("Der Radweg soll im Frühjahr 2019 freigegeben werden.", "2019-05-31", "im Frühjahr 2019")]
    [InlineData("Die Arbeiten sollen im Winter 2019 beginnen.", "2020-02-29", "im Winter 2019")]
    [InlineData("Die Inbetriebnahme des Bürgerportals ist für Ende März 2019 geplant.", "2019-03-31", "Ende März 2019")]
    [InlineData("Die Vergabe erfolgt spätestens am 15.01.2019.", "2019-01-15", "spätestens am 15.01.2019")]
    [InlineData("Die Ergebnisse der Evaluation werden im dritten Quartal 2019 vorgestellt werden.", "2019-09-30", "im dritten Quartal 2019")]
    [InlineData("Die Verwaltung beabsichtigt, das Konzept Anfang 2019 vorzulegen.", "2019-03-31", "Anfang 2019")]
    [InlineData("Die Fortschreibung des Lärmaktionsplans wird voraussichtlich im Jahr 2020 abgeschlossen sein.", "2020-12-31", "im Jahr 2020")]
    public void Find_DatedPromise_SuggestsDueDate(string sentence, string due, string phrase)
    {
        var found = Assert.Single(CommitmentPhrases.Find(sentence, AnswerDate));
        Assert.Equal(Day(due), found.DueDate);
        Assert.Equal(phrase, found.Phrase);
        Assert.Equal(sentence, found.Sentence);
        Assert.Equal((0, sentence.Length), (found.Start, found.Length));
    }

    [Theory]
    [InlineData("Die Verwaltung berichtet in jeder Sitzung des Betriebsausschusses HABIT über den Stand.", "Betriebsausschuss HABIT")]
    [InlineData("Die Verwaltung wird in jeder Sitzung des Rates über den Sachstand berichten.", "Rat")]
    [InlineData("Über den Fortgang wird in jeder Sitzung der Bezirksvertretung Hagen-Nord berichtet.", "Bezirksvertretung Hagen-Nord")]
    [InlineData("Die Verwaltung berichtet in allen Sitzungen des Haupt- und Finanzausschusses zum Stand der Haushaltskonsolidierung.", "Haupt- und Finanzausschuss")]
    [InlineData("Der Sachstand soll in jeder Sitzung des Integrationsrates vorgestellt werden.", "Integrationsrat")]
    [InlineData("Die Verwaltung berichtet in jeder Sitzung des Ausschusses für Umwelt und Klimaschutz über die Maßnahmen.", "Ausschuss für Umwelt und Klimaschutz")]
    public void Find_EveryMeeting_SuggestsRecurrence(string sentence, string organization)
    {
        var found = Assert.Single(CommitmentPhrases.Find(sentence, AnswerDate));
        Assert.Equal(new EveryMeetingOf(organization), found.Recurrence);
        Assert.Null(found.DueDate);
    }

    [Theory]
    [InlineData("Die Verwaltung wird dem Rat jährlich einen Bericht vorlegen.", CommitmentPeriod.Yearly)]
    [InlineData("Der Klimaschutzbericht wird einmal im Jahr vorgelegt.", CommitmentPeriod.Yearly)]
    [InlineData("Die Verwaltung wird den Ausschuss halbjährlich über den Stand informieren.", CommitmentPeriod.HalfYearly)]
    [InlineData("Über den Projektfortschritt soll vierteljährlich berichtet werden.", CommitmentPeriod.Quarterly)]
    [InlineData("Die Verwaltung wird monatlich über die Belegung der Unterkünfte berichten.", CommitmentPeriod.Monthly)]
    public void Find_Interval_SuggestsPeriodicRecurrence(string sentence, CommitmentPeriod period)
    {
        var found = Assert.Single(CommitmentPhrases.Find(sentence, AnswerDate));
        Assert.Equal(new Periodic(period), found.Recurrence);
    }

    [Fact]
    public void Find_Regularly_SuggestsOpenRecurrence()
    {
        var found = Assert.Single(CommitmentPhrases.Find("Die Verwaltung wird regelmäßig über die Umsetzung berichten.", AnswerDate));
        Assert.IsType<Regularly>(found.Recurrence);
        Assert.Equal("regelmäßig", found.Phrase);
    }

    [Fact]
    public void Find_RecurrenceWithStartDate_KeepsBoth()
    {
        var found = Assert.Single(CommitmentPhrases.Find("Die Verwaltung wird ab 2019 jährlich, erstmals zum 31.03.2019, berichten.", AnswerDate));
        Assert.Equal(new DateOnly(2019, 3, 31), found.DueDate);
        Assert.Equal(new Periodic(CommitmentPeriod.Yearly), found.Recurrence);
    }

    [Theory]
    // Historic dates and references to earlier papers.
    [InlineData("Die Vorlage vom 14.09.2018 wurde im Ausschuss beraten.")]
    [InlineData("Der Rat hat am 13.12.2017 beschlossen, die Stelle einzurichten.")]
    [InlineData("Im ersten Halbjahr 2018 wurden die Ressourcen ausgeweitet.")]
    [InlineData("Hierfür sollten eingesetzte Ressourcen im ersten Halbjahr 2018 ausgeweitet werden.")]
    [InlineData("Die Fertigstellung erfolgte zum 01.07.2018.")]
    // Questions never promise.
    [InlineData("Wann ist mit der Vorlage einer solchen Strategie bis Ende 2019 zu rechnen?")]
    [InlineData("Wird seitens der Verwaltung zukünftig weiter unaufgefordert berichtet werden?")]
    // No promise, or a promise without a time.
    [InlineData("Die Sitzung des Rates findet am 13.12.2018 statt.")]
    [InlineData("Die jährlichen Kosten betragen rund 5.000 Euro.")]
    [InlineData("Die Kosten steigen jährlich um drei Prozent.")]
    [InlineData("Die eingesetzten Ressourcen werden durch Einrichtung der Task Force ausgeweitet.")]
    [InlineData("Die Task Force Digitalisierung wird zum 01.10.2018 konstituiert.")]
    [InlineData("Weitere Details sind der o.a. Vorlage 0853/2018 zu entnehmen.")]
    [InlineData("Die Erstellung einer Strategie ist Kernaufgabe der zum 01.10.2018 einzurichtenden Task Force.")]
    [InlineData("Ein Termin für die Fertigstellung ist zum 31.02.2019 vorgesehen.")]
    public void Find_NoPromiseOrNoFutureTime_Nothing(string sentence) =>
        Assert.Empty(CommitmentPhrases.Find(sentence, AnswerDate));

    [Fact]
    public void Find_SeveralSentences_LocatesEach()
    {
        const string text = "Zu 1: Die Vorlage vom 14.09.2018 liegt vor. Der Bericht wird z. B. zum 01.10.2018 vorgelegt.\n\n2. Die Verwaltung wird bis Ende 2019 ein Konzept vorlegen.";
        var found = CommitmentPhrases.Find(text, AnswerDate);
        Assert.Equal(["Der Bericht wird z. B. zum 01.10.2018 vorgelegt.", "Die Verwaltung wird bis Ende 2019 ein Konzept vorlegen."], found.Select(f => f.Sentence));
        Assert.All(found, f => Assert.Equal(f.Sentence, text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Find_PhraseWrappedAcrossLines_PhraseHasSingleSpaces()
    {
        // As text extracted from a PDF arrives: a line break and double spaces inside the phrase.
        const string text = "Der Bericht wird bis\nzum  31.12.2018 vorgelegt.";
        var found = Assert.Single(CommitmentPhrases.Find(text, AnswerDate));
        Assert.Equal("bis zum 31.12.2018", found.Phrase);
        Assert.Equal(text, found.Sentence);
    }

    [Theory]
    [InlineData("Betriebsausschusses HABIT", "Betriebsausschuss HABIT")]
    [InlineData("Rates", "Rat")]
    [InlineData("Integrationsrates", "Integrationsrat")]
    [InlineData("Seniorenbeirats", "Seniorenbeirat")]
    [InlineData("Bezirksvertretung Mitte", "Bezirksvertretung Mitte")]
    public void Nominative_NormalisesGenitive(string written, string expected) =>
        Assert.Equal(expected, CommitmentPhrases.Nominative(written));
}
