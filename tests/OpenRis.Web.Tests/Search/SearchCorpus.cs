using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenRis.Documents;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// The Hagen demo plus the real council texts of ../shared/data/texts imported as published papers
/// (one paper per original paper, one file per text), indexed once for all relevance tests.
/// </summary>
public sealed class SearchCorpus : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public RisDbContext Db { get; private set; } = null!;
    public SearchIndex? Index { get; private set; }

    /// <summary>Imported papers: title, reference as typed in the source, id.</summary>
    public List<(string Title, string? Reference, long Id)> Imported { get; } = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sqlite");
        Db = await _database.MigratedContextAsync();
        await DemoMunicipality.SeedAsync(Db, new FileStore(new FileStoreOptions { Root = _database.FilesRoot }));
        Db.AuditEnabled = false;
        Db.Projection = null;
        var body = await Db.Bodies.FirstAsync();
        var kind = await Db.PaperKinds.FirstAsync(k => k.Key == PaperKindKeys.ResolutionDraft);
        var papers = new List<Paper>();
        // References are unique per body; the sources reuse some, so only the first paper keeps one.
        var references = await Db.Papers.Where(p => p.Reference != null).Select(p => p.Reference!).ToListAsync();
        var taken = references.ToHashSet();
        foreach (var (source, rows) in Rows())
        {
            foreach (var group in rows.GroupBy(r => r.Paper))
            {
                var first = group.First();
                var paper = new Paper
                {
                    // Ids, not navigations: the context is cleared between chunks.
                    BodyId = body.Id,
                    PaperKindId = kind.Id,
                    Name = first.Title.Trim(),
                    Reference = first.Reference is { Length: > 0 } r && taken.Add(PaperNumbers.Normalize(r) ?? r) ? PaperNumbers.Normalize(r) ?? r : null,
                    Date = DateOnly.TryParse(first.Date, CultureInfo.InvariantCulture, out var d) ? d : null,
                    Status = PaperStatus.Published,
                };
                foreach (var row in group)
                {
                    var text = await File.ReadAllTextAsync(Path.Combine(SharedData.Path("data"), row.Path));
                    paper.Files.Add(new DocumentFile { BodyId = body.Id, Name = row.FileName, FileName = Path.GetFileName(row.Path), MimeType = "text/plain", Text = text, Sha512Checksum = source + row.Path });
                }
                papers.Add(paper);
            }
        }
        foreach (var chunk in papers.Chunk(200))
        {
            Db.Papers.AddRange(chunk);
            await Db.SaveChangesAsync();
            Db.ChangeTracker.Clear();
        }
        Imported.AddRange(papers.Select(p => (p.Name, p.Reference, p.Id)));
        Index = new SearchIndex(Path.Combine(_database.Folder, "search"), new GermanAnalysis(GermanAnalysis.LoadWordList("/usr/share/dict/ngerman")));
        await Index.RebuildAsync(Db, TimeProvider.System.GetUtcNow().UtcDateTime, null, CancellationToken.None);
    }

    public SearchService Service(RisDbContext? db = null) => new(Index!, new SearchRecheck(db ?? Db));

    private static IEnumerable<(string Source, List<Row> Rows)> Rows()
    {
        // karlsruhe: text_path,file_id,file_name,doc_kind,paper_id,paper_reference,paper_type,paper_date,paper_name,bytes
        yield return ("karlsruhe", Csv("texts/karlsruhe/index.csv").Select(c => new Row(c[0], c[2], c[4], c[5], c[7], c[8])).ToList());
        // nordstemmen: text_path,source_embeddings_path,doc_kind,oparl_id,reference,type_or_meeting,date,title,bytes
        yield return ("nordstemmen", Csv("texts/nordstemmen/index.csv").Where(c => c[4].Length > 0).Select(c => new Row(c[0], c[2], c[4], c[4], c[6], c[7])).ToList());
    }

    private sealed record Row(string Path, string FileName, string Paper, string Reference, string Date, string Title);

    private static IEnumerable<string[]> Csv(string relative) =>
        File.ReadLines(SharedData.Path("data/" + relative)).Skip(1).Select(ParseLine).Where(c => c.Length >= 8);

    private static string[] ParseLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return [.. fields];
    }

    public async ValueTask DisposeAsync()
    {
        Index?.Dispose();
        await Db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
