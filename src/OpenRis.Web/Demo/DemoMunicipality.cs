using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>
/// The demo municipality: Stadt Hagen in September 2018, built around the Hagen Aktiv inquiry
/// "E-Government – Digitalisierungsstrategie" (0930/2018). Public officials and the signatories
/// of the seed document carry their real names; every other person is invented and marked
/// <see cref="Person.IsFictitious"/>.
/// </summary>
public static partial class DemoMunicipality
{
    private const string License = "https://creativecommons.org/licenses/by/4.0/";

    public static Task SeedAsync(RisDbContext db, FileStore files, CancellationToken cancellationToken = default) =>
        SeedAsync(db, files, withOpenCase: true, cancellationToken);

    /// <param name="withOpenCase">
    /// False leaves out the inquiry 0930/2018 and its answer, and sets the 2018 sequence to 929: the
    /// state on the morning of 14.09.2018, so that the workflow can replay the case.
    /// </param>
    public static async Task SeedAsync(RisDbContext db, FileStore files, bool withOpenCase, CancellationToken cancellationToken = default)
    {
        var demo = new DemoBuilder(db) { WithOpenCase = withOpenCase };
        demo.Structure();
        await db.SaveChangesAsync(cancellationToken);
        demo.SeatOfBody();
        await db.SaveChangesAsync(cancellationToken);
        await demo.HagenCaseAsync(files, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Hagen's scheme: four digits and the year, restarting every year (0930/2018).</summary>
    public static List<NumberSequence> DefaultNumberSequences() =>
    [
        new() { Key = "default", Pattern = "{number:0000}/{year}", ResetsYearly = true },
        new() { Key = "minutes", Pattern = "N/{number:000}/{year}", ResetsYearly = true },
    ];

    /// <summary>The catalogue every new installation starts with; a city edits it to its own wording.</summary>
    public static List<PaperKind> DefaultPaperKinds() =>
    [
        new() { Key = PaperKindKeys.Inquiry, Name = "Anfrage nach § 5 GeschO", Abbreviation = "Anfrage", FiledBy = PaperOriginator.Faction, HasQuestions = true, RequestsAgendaItem = true, SortOrder = 10 },
        new() { Key = PaperKindKeys.Motion, Name = "Antrag", FiledBy = PaperOriginator.Faction, RequestsAgendaItem = true, SortOrder = 20 },
        new() { Key = PaperKindKeys.AgendaProposal, Name = "Vorschlag zur Tagesordnung", FiledBy = PaperOriginator.Faction, RequestsAgendaItem = true, SortOrder = 30 },
        new() { Key = PaperKindKeys.ResolutionDraft, Name = "Beschlussvorlage", FiledBy = PaperOriginator.Administration, SortOrder = 40 },
        new() { Key = PaperKindKeys.Information, Name = "Mitteilungsvorlage", FiledBy = PaperOriginator.Administration, SortOrder = 50 },
        new() { Key = PaperKindKeys.Report, Name = "Berichtsvorlage", FiledBy = PaperOriginator.Administration, SortOrder = 55 },
        new() { Key = PaperKindKeys.Statement, Name = "Stellungnahme der Verwaltung", FiledBy = PaperOriginator.Administration, AnswersQuestions = true, SortOrder = 60 },
        new() { Key = PaperKindKeys.UrgentDecision, Name = "Dringlichkeitsentscheidung", FiledBy = PaperOriginator.Administration, SortOrder = 70 },
        new() { Key = PaperKindKeys.Minutes, Name = "Niederschrift", FiledBy = PaperOriginator.Council, NumberSequence = "minutes", SortOrder = 80 },
    ];

    public static List<ImpactCheck> DefaultImpactChecks() =>
    [
        new()
        {
            Key = "inclusion", Title = "Inklusion von Menschen mit Behinderung", Question = "Belange von Menschen mit Behinderung",
            Options = ["sind nicht betroffen", "sind betroffen"], OptionsRequiringExplanation = ["sind betroffen"], SortOrder = 10,
        },
        new()
        {
            Key = "finances", Title = "Finanzielle Auswirkungen", Question = "Finanzielle Auswirkungen",
            Options = ["keine", "ja, im laufenden Haushaltsjahr", "ja, in Folgejahren"], OptionsRequiringExplanation = ["ja, im laufenden Haushaltsjahr", "ja, in Folgejahren"], SortOrder = 20,
        },
        new()
        {
            Key = "climate", Title = "Auswirkungen auf den Klimaschutz", Question = "Auswirkungen auf den Klimaschutz",
            Options = ["nein", "ja, positiv", "ja, negativ"], OptionsRequiringExplanation = ["ja, positiv", "ja, negativ"], SortOrder = 30,
        },
    ];

    internal static DateTime Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        Berlin.ToUtc(new DateTime(year, month, day, hour, minute, 0));
}

/// <summary>Stable keys of the default paper kinds, for code that needs a particular kind.</summary>
public static class PaperKindKeys
{
    public const string Inquiry = "inquiry";
    public const string Motion = "motion";
    public const string AgendaProposal = "agenda-proposal";
    public const string ResolutionDraft = "resolution-draft";
    public const string Information = "information";
    public const string Report = "report";
    public const string Statement = "statement";
    public const string UrgentDecision = "urgent-decision";
    public const string Minutes = "minutes";
}
