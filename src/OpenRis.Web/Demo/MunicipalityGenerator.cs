using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>What to generate. The same options (and the same texts) always give the same municipality.</summary>
public sealed record GeneratorOptions
{
    public const string DefaultName = "Stadt Musterhausen (generiert)";

    public int Papers { get; init; } = 1000;
    public int Seed { get; init; } = 1;

    /// <summary>Folder of real council texts (*.txt in any depth), e.g. shared/data/texts.</summary>
    public required string TextsDirectory { get; init; }

    public string Name { get; init; } = DefaultName;

    /// <summary>Papers per SaveChanges; meetings are written in batches of half this size.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The generated municipality's "today": meetings before it were held, later ones are scheduled. Fixed, so that a seed gives the same data on any day.</summary>
    public DateOnly Today { get; init; } = new(2026, 6, 30);
}

/// <summary>Where a long run stands: phase ("Vorlagen"), items done, items in that phase.</summary>
public sealed record GenerationProgress(string Phase, int Done, int Total);

/// <summary>What was written, per type.</summary>
public sealed record GenerationSummary(
    long BodyId, string BodyName, string Ags, int Texts, int LegislativeTerms, int Locations, int Organizations, int Persons,
    int Memberships, int Meetings, int AgendaItems, int Papers, int Consultations, int Files, int Questions, int PaperReferences);

/// <summary>
/// Builds a synthetic municipality of any size beside whatever the database holds: its own Body
/// with terms, council, committees, district councils, factions and offices, people with their
/// memberships over time, meetings with agendas, and papers with Beratungsfolge, files, questions
/// and citations. The texts of the files are real council texts; names and people are invented.
/// Deterministic for a seed (System.Random), written in batches with the audit trail and the OParl
/// projection off; the context's projection (when it has one) then renders every object once.
/// </summary>
public sealed partial class MunicipalityGenerator
{
    private const string License = "https://creativecommons.org/licenses/by/4.0/";
    private const int MaxAgendaItems = 15;

    private readonly RisDbContext _db;
    private readonly FileStore _files;
    private readonly GeneratorOptions _options;
    private readonly Action<GenerationProgress>? _progress;
    private readonly Random _random;
    private readonly TextCorpus _texts;

    // Counters for the summary; every row written is counted where it is created.
    private int _locations;
    private int _memberships;
    private int _agendaItems;
    private int _consultations;
    private int _fileCount;
    private int _questions;
    private int _paperReferences;

    private MunicipalityGenerator(RisDbContext db, FileStore files, GeneratorOptions options, TextCorpus texts, Action<GenerationProgress>? progress)
    {
        _db = db;
        _files = files;
        _options = options;
        _texts = texts;
        _progress = progress;
        _random = new Random(options.Seed);
    }

    /// <summary>Generates the municipality into a migrated database; the file contents go to <paramref name="files"/>.</summary>
    public static async Task<GenerationSummary> GenerateAsync(RisDbContext db, FileStore files, GeneratorOptions options,
        Action<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Papers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name);

        var texts = TextCorpus.Load(options.TextsDirectory);
        var generator = new MunicipalityGenerator(db, files, options, texts, progress);
        return await generator.RunAsync(cancellationToken);
    }

    private async Task<GenerationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var auditEnabled = _db.AuditEnabled;
        var detectChanges = _db.ChangeTracker.AutoDetectChangesEnabled;
        var projection = _db.Projection;
        _db.AuditEnabled = false;
        // Rendering every batch as it is saved re-renders the objects that embed it again and again
        // (a meeting per agenda batch, a paper per file batch): 33 min for 100,000 papers. Instead
        // nothing is rendered while generating, and every object once at the end.
        _db.Projection = null;
        await _db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await StoreTextsAsync(cancellationToken);
            await BuildStructureAsync(cancellationToken);

            // From here on only new rows are added, whole graphs at a time: no change detection needed.
            _db.ChangeTracker.AutoDetectChangesEnabled = false;
            Report("Planung", 0, 1);
            PlanPapers();
            PlanMeetings();
            AssignConsultations();
            Report("Planung", 1, 1);
            await WriteMeetingsAsync(cancellationToken);
            await WritePapersAsync(cancellationToken);
            if (projection is not null)
            {
                _db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
                Report("OParl", 0, 1);
                await projection.RebuildAsync(_db, _db.Clock.GetUtcNow().UtcDateTime, null, cancellationToken);
                Report("OParl", 1, 1);
            }

            return new GenerationSummary(_bodyId, _options.Name, _ags, _texts.All.Count, _terms.Count, _locations, _orgs.Count, _persons.Count,
                _memberships, _meetings.Count, _agendaItems, _papers.Count, _consultations, _fileCount, _questions, _paperReferences);
        }
        finally
        {
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            _db.AuditEnabled = auditEnabled;
            _db.Projection = projection;
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every text goes into the store once; files that reuse a text share its content.</summary>
    private async Task StoreTextsAsync(CancellationToken cancellationToken)
    {
        Report("Texte", 0, _texts.All.Count);
        for (var i = 0; i < _texts.All.Count; i++)
        {
            var text = _texts.All[i];
            text.Stored = await _files.SaveAsync(Encoding.UTF8.GetBytes(text.Content), cancellationToken);
            if ((i + 1) % 250 == 0 || i + 1 == _texts.All.Count)
            {
                Report("Texte", i + 1, _texts.All.Count);
            }
        }
    }

    /// <summary>Done = 0 opens a phase (and starts its clock for the rate).</summary>
    private void Report(string phase, int done, int total) => _progress?.Invoke(new GenerationProgress(phase, done, total));

    /// <summary>Saves one batch of new rows and forgets them, so that the change tracker stays small.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _attachedOrganizations.Clear();
        _attachedPersons.Clear();
    }

    // Many-to-many links (originators, consultation committees, participants) need tracked entities
    // on the other side: stand-ins that carry only the key, attached unchanged once per batch.
    private readonly Dictionary<long, Organization> _organizationStubs = [];
    private readonly Dictionary<long, Person> _personStubs = [];
    private readonly HashSet<long> _attachedOrganizations = [];
    private readonly HashSet<long> _attachedPersons = [];

    private Organization OrganizationStub(int org)
    {
        var id = _orgs[org].Entity.Id;
        if (!_organizationStubs.TryGetValue(id, out var stub))
        {
            stub = new Organization { Id = id, BodyId = _bodyId };
            _organizationStubs[id] = stub;
        }
        if (_attachedOrganizations.Add(id))
        {
            _db.Organizations.Attach(stub);
        }
        return stub;
    }

    private Person PersonStub(int person)
    {
        var id = _persons[person].Entity.Id;
        if (!_personStubs.TryGetValue(id, out var stub))
        {
            stub = new Person { Id = id, BodyId = _bodyId };
            _personStubs[id] = stub;
        }
        if (_attachedPersons.Add(id))
        {
            _db.Persons.Attach(stub);
        }
        return stub;
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with the given relative weights.</summary>
    private int Weighted(params ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        var point = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            point -= weights[i];
            if (point < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static DateTime Local(DateOnly day, int hour, int minute = 0) => Berlin.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));
}
