namespace OpenRis.Web.Demo;

/// <summary>
/// The texts of the seed case (shared/seed/000_feb7bdf30d635012.txt, vendored as hagen-2018.md),
/// word for word, split into the fields of the model. Tests check each against the seed.
/// </summary>
internal static class HagenTexts
{
    /// <summary>Anfragetext, question 1.</summary>
    public const string Question1 = """
        Ist inzwischen eine Digitalisierungsstrategie erarbeitet worden? Wenn Ja: Wie weit ist diese bereits umgesetzt? Werden beispielsweise Leitlinien im Bereich Open Government festgelegt? Vernetzt sich die Verwaltung mit Verwaltungen auf kommunaler und auf Landesebene? Werden bzw. wurden seitens der Verwaltung Veranstaltungen wie die KOGK (Kommunale Open Government Konferenz) besucht und sind deren Erkenntnisse in die Strategie eingeflossen? Wenn Nein: Wann ist mit der Vorlage einer solchen Strategie zu rechnen?
        """;

    /// <summary>Anfragetext, question 2.</summary>
    public const string Question2 = """
        Sind die eingesetzten Ressourcen inzwischen ausgeweitet worden? Was bedeutet das im Einzelnen?
        """;

    /// <summary>Anfragetext, question 3.</summary>
    public const string Question3 = """
        Wird seitens der Verwaltung zukünftig weiter unaufgefordert berichtet werden?
        """;

    /// <summary>Begründung of the cover letter.</summary>
    public const string Reasoning = """
        In der Dezember-Sitzung des Rates 2017 hatte die Verwaltung auf eine entsprechende Anfrage von Hagen Aktiv (Vorlagennummer 1159/2017) geantwortet, die Einrichtung einer Stabsstelle Digitalisierung sei nicht erforderlich, da die verwaltungsweit notwendigen Aktivitäten zentral gebündelt und koordiniert werden müssten. Hierfür sollten „eingesetzte Ressourcen im ersten Halbjahr 2018“ ausgeweitet werden. Grundlage für die „verwaltungsweite Digitalisierungsoffensive“ sei zudem eine „noch zu erarbeitende Digitalisierungsstrategie“.

        E-Government ist zukünftig unverzichtbar, um Bürgerinnen und Bürger von vermeidbarem Verwaltungshandeln zu entlasten und das Verwaltungshandeln selbst effizienter zu gestalten. Es muss daher zügig eingeführt werden.
        """;

    /// <summary>Opening sentence of the Stellungnahme.</summary>
    public const string StatementIntro = """
        Zur Anfrage der Fraktion Hagen Aktiv nimmt die Verwaltung wie folgt Stellung:
        """;

    /// <summary>Answer to question 1 (three paragraphs).</summary>
    public const string Answer1 = """
        Die Erstellung einer Digitalisierungsstrategie ist Kernaufgabe der im Vorstandsbereich 2 zum 01.10.2018 einzurichtenden „Task Force Digitalisierung“. Dementsprechende Aussagen hierzu wurden im Rahmen der Beratung der Vorlage 0853/2018 „Einrichtung einer Task Force Digitalisierung im VB 2“ im Betriebsausschuss HABIT vom 20.09.2018 durch die Verwaltung gemacht.

        Gleichwohl wurden in der Vergangenheit bereits Netzwerke auf kommunaler, Landes- und Bundesebene, – insbesondere – durch den Besuch einschlägiger Fachtagungen und Kongresse aufgebaut. Exemplarisch sind hier u.a. der Fachkongress „Digitaler Staat“, die MEMO-Tagung, das ÖV-Symposium und der Kongress e-NRW zu nennen.

        Die „Task Force Digitalisierung“ wird zum 01.10.2018 konstituiert. Unter Berücksichtigung der noch durchzuführenden Stellenbesetzungsverfahren ist mit einer Fertigstellung einer Digitalisierungsstrategie Ende des 2. Quartals 2019 zu rechnen.
        """;

    /// <summary>Answer to question 2.</summary>
    public const string Answer2 = """
        Die für das Themenfeld „Digitalisierung und E-Government“ eingesetzten Ressourcen werden durch Einrichtung der „Task Force Digitalisierung“ ausgeweitet. Weitere Details zur aufbauorganisatorischen Gliederung sind der o.a. Vorlage 0853/2018 zu entnehmen.
        """;

    /// <summary>Answer to question 3.</summary>
    public const string Answer3 = """
        Die Verwaltung berichtet auch weiterhin in jeder Sitzung des Betriebsausschusses HABIT über die aktuellen Projekte und Maßnahmen im Bereich Digitalisierung und E-Government.
        """;
}
