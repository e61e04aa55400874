namespace OpenRis.Web.Demo;

/// <summary>The invented names the generator draws from: people, committees, offices, districts, parties.</summary>
public sealed partial class MunicipalityGenerator
{
    private static readonly string[] FemaleGivenNames =
    [
        "Anna", "Andrea", "Angelika", "Anja", "Barbara", "Birgit", "Brigitte", "Carina", "Christina", "Claudia",
        "Daniela", "Doris", "Elke", "Emma", "Eva", "Franziska", "Gabriele", "Hanna", "Heike", "Ines",
        "Jana", "Julia", "Karin", "Katharina", "Kerstin", "Laura", "Lea", "Lena", "Marion", "Martina",
        "Melanie", "Monika", "Nadine", "Nicole", "Petra", "Renate", "Sabine", "Sandra", "Silke", "Sophie",
        "Stefanie", "Susanne", "Tanja", "Ursula", "Vanessa",
    ];

    private static readonly string[] MaleGivenNames =
    [
        "Alexander", "Andreas", "Bernd", "Christian", "Daniel", "Dennis", "Dieter", "Dirk", "Felix", "Frank",
        "Georg", "Gerhard", "Hans", "Heinz", "Holger", "Jan", "Jens", "Jörg", "Jonas", "Jürgen",
        "Kai", "Klaus", "Lars", "Lukas", "Manfred", "Marco", "Markus", "Martin", "Matthias", "Michael",
        "Niklas", "Olaf", "Oliver", "Patrick", "Peter", "Ralf", "Sebastian", "Stefan", "Sven", "Thomas",
        "Tobias", "Torsten", "Uwe", "Volker", "Wolfgang",
    ];

    private static readonly string[] FamilyNames =
    [
        "Albers", "Arndt", "Bauer", "Beck", "Becker", "Berger", "Böhm", "Brandt", "Braun", "Busch",
        "Dietrich", "Engel", "Fischer", "Frank", "Franke", "Friedrich", "Fuchs", "Graf", "Günther", "Haas",
        "Hahn", "Hartmann", "Heinrich", "Herrmann", "Hoffmann", "Hofmann", "Horn", "Huber", "Jäger", "Jung",
        "Kaiser", "Keller", "Klein", "Koch", "König", "Köhler", "Krämer", "Kraus", "Krause", "Krüger",
        "Kuhn", "Lang", "Lange", "Lehmann", "Lorenz", "Ludwig", "Maier", "Martin", "Mayer", "Meier",
        "Meyer", "Möller", "Müller", "Neumann", "Otto", "Peters", "Pohl", "Richter", "Roth", "Sauer",
        "Schäfer", "Schmid", "Schmidt", "Schmitt", "Schneider", "Scholz", "Schröder", "Schubert", "Schulte", "Schulz",
        "Schumacher", "Schuster", "Schwarz", "Seidel", "Simon", "Sommer", "Stein", "Thomas", "Vogel", "Vogt",
        "Voigt", "Wagner", "Walter", "Weber", "Weiß", "Werner", "Winkler", "Winter", "Wolf", "Zimmermann",
    ];

    private static readonly string[] DistrictNames =
    [
        "Mitte", "Nord", "Süd", "Ost", "West", "Altstadt", "Oststadt", "Weststadt", "Südstadt", "Nordstadt",
        "Bergheim", "Talheim", "Auenfeld", "Lindenau", "Kirchdorf", "Waldsiedlung", "Hafenviertel", "Neustadt",
        "Rosental", "Am Steinberg",
    ];

    /// <summary>Committees in the order a growing town creates them; the first two always exist.</summary>
    private static readonly (string Name, string ShortName, string Classification)[] Committees =
    [
        ("Haupt- und Finanzausschuss", "HFA", "Ausschuss"),
        ("Ausschuss für Stadtentwicklung, Planen und Bauen", "StEA", "Ausschuss"),
        ("Ausschuss für Schule und Weiterbildung", "SchA", "Ausschuss"),
        ("Jugendhilfeausschuss", "JHA", "Ausschuss"),
        ("Ausschuss für Umwelt, Klimaschutz und Mobilität", "UKM", "Ausschuss"),
        ("Ausschuss für Soziales, Gesundheit und Senioren", "SozA", "Ausschuss"),
        ("Rechnungsprüfungsausschuss", "RPA", "Ausschuss"),
        ("Ausschuss für Kultur und Sport", "KuSA", "Ausschuss"),
        ("Ausschuss für Wirtschaftsförderung und Digitalisierung", "WiDi", "Ausschuss"),
        ("Betriebsausschuss Stadtentwässerung", "BA SE", "Betriebsausschuss"),
        ("Ausschuss für Ordnung, Sicherheit und Feuerwehr", "OSF", "Ausschuss"),
        ("Integrationsrat", "IR", "Beirat"),
        ("Verkehrsausschuss", "VA", "Ausschuss"),
        ("Betriebsausschuss Bäder", "BA Bäder", "Betriebsausschuss"),
        ("Seniorenbeirat", "SenB", "Beirat"),
        ("Ausschuss für Wohnen und Liegenschaften", "WoLi", "Ausschuss"),
        ("Behindertenbeirat", "BehB", "Beirat"),
        ("Vergabeausschuss", "VgA", "Ausschuss"),
        ("Ausschuss für Bürgerbeteiligung und Gleichstellung", "BüGl", "Ausschuss"),
        ("Werksausschuss Stadtwerke", "WA SW", "Betriebsausschuss"),
        ("Personalausschuss", "PA", "Ausschuss"),
        ("Ausschuss für Tourismus und Stadtmarketing", "TouA", "Ausschuss"),
        ("Betriebsausschuss Abfallwirtschaft", "BA AW", "Betriebsausschuss"),
        ("Umlegungsausschuss", "UmlA", "Ausschuss"),
        ("Gesundheitsausschuss", "GesA", "Ausschuss"),
        ("Betriebsausschuss Kulturbetriebe", "BA Kult", "Betriebsausschuss"),
        ("Friedhofsausschuss", "FrA", "Ausschuss"),
        ("Ausschuss für Beschwerden und Anregungen", "BAA", "Ausschuss"),
        ("Schulbauausschuss", "SBA", "Ausschuss"),
        ("Ausschuss für Hafen und Logistik", "HaLo", "Ausschuss"),
        ("Betriebsausschuss Immobilienmanagement", "BA IM", "Betriebsausschuss"),
        ("Ausschuss für Naturschutz und Landschaftspflege", "NaLa", "Ausschuss"),
        ("Wahlprüfungsausschuss", "WPA", "Ausschuss"),
        ("Ausschuss für Partnerschaften und Internationales", "PaInt", "Ausschuss"),
    ];

    /// <summary>Offices (KGSt numbering) in the order a growing administration has them, with their Fachbereich.</summary>
    private static readonly (int Number, string Name, int Department)[] Offices =
    [
        (20, "Kämmerei", 2), (61, "Stadtplanungsamt", 6), (51, "Jugendamt", 5), (10, "Hauptamt", 1), (32, "Ordnungsamt", 3),
        (66, "Tiefbauamt", 6), (40, "Schulverwaltungsamt", 4), (50, "Sozialamt", 5), (67, "Grünflächenamt", 6), (65, "Hochbauamt", 6),
        (41, "Kulturamt", 4), (23, "Liegenschaftsamt", 2), (30, "Rechtsamt", 3), (80, "Amt für Wirtschaftsförderung", 8), (37, "Feuerwehr", 3),
        (52, "Sportamt", 4), (14, "Rechnungsprüfungsamt", 1), (11, "Personalamt", 1), (63, "Bauordnungsamt", 6), (53, "Gesundheitsamt", 5),
        (62, "Vermessungs- und Katasteramt", 6), (22, "Steueramt", 2), (13, "Amt für Presse und Kommunikation", 1), (33, "Bürgeramt", 3),
        (34, "Standesamt", 3), (21, "Stadtkasse", 2), (70, "Amt für Stadtreinigung und Abfallwirtschaft", 7), (68, "Amt für Verkehr und Mobilität", 6),
    ];

    private static readonly Dictionary<int, string> Departments = new()
    {
        [1] = "Zentrale Dienste",
        [2] = "Finanzen und Liegenschaften",
        [3] = "Recht, Sicherheit und Ordnung",
        [4] = "Bildung, Kultur und Sport",
        [5] = "Jugend, Soziales und Gesundheit",
        [6] = "Planen, Bauen und Umwelt",
        [7] = "Stadtbetriebe",
        [8] = "Wirtschaft und Digitales",
    };

    /// <summary>Parties; Core ones sit in every term, the others come and go. Weight is the typical share of seats.</summary>
    private static readonly (string ShortName, string Label, string Name, bool Core, double Weight)[] Parties =
    [
        ("CDU", "CDU-Fraktion", "CDU-Fraktion im Rat der Stadt {0}", true, 30),
        ("SPD", "SPD-Fraktion", "SPD-Fraktion im Rat der Stadt {0}", true, 25),
        ("GRÜNE", "Fraktion Bündnis 90/Die Grünen", "Fraktion Bündnis 90/Die Grünen im Rat der Stadt {0}", true, 18),
        ("FDP", "FDP-Fraktion", "FDP-Fraktion im Rat der Stadt {0}", true, 7),
        ("LINKE", "Fraktion Die Linke", "Fraktion Die Linke im Rat der Stadt {0}", false, 6),
        ("FW", "Fraktion Freie Wähler", "Fraktion Freie Wähler im Rat der Stadt {0}", false, 6),
        ("AfD", "AfD-Fraktion", "AfD-Fraktion im Rat der Stadt {0}", false, 8),
        ("BL", "Fraktion Bürgerliste", "Fraktion Bürgerliste {0}", false, 5),
        ("Volt", "Fraktion Volt", "Fraktion Volt im Rat der Stadt {0}", false, 3),
    ];

    private static readonly string[] NonPublicReasons =
    [
        "Grundstücksangelegenheit (nichtöffentlich nach § 48 Abs. 2 GO NRW und Geschäftsordnung)",
        "Personalangelegenheit (nichtöffentlich nach § 48 Abs. 2 GO NRW und Geschäftsordnung)",
        "Vergabeangelegenheit (nichtöffentlich nach § 48 Abs. 2 GO NRW und Geschäftsordnung)",
        "Schutzwürdige Belange Dritter (nichtöffentlich nach § 48 Abs. 2 GO NRW und Geschäftsordnung)",
    ];

    private static readonly string[] NonPublicItemNames =
    [
        "Grundstücksangelegenheiten", "Personalangelegenheiten", "Vergabeangelegenheiten", "Mitteilungen (nichtöffentlich)",
    ];
}
