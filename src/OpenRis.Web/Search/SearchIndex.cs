using System.Globalization;
using System.Threading.Channels;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace OpenRis.Web.Search;

/// <summary>
/// This node's Lucene index on local disk. The outbox position it has applied is stored in the
/// index's own commit data, so index and position are committed together: after a crash the node
/// resumes exactly where its last durable commit ended.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string PositionKey = "outbox";
    private const string CommittedAtKey = "committed";
    private const string FormatKey = "format";

    /// <summary>
    /// The shape of the documents the queries expect. 2: every word is matched in the combined
    /// field <see cref="SearchFields.All"/>. An index of another format is rebuilt on start, like a new one.
    /// </summary>
    public const int CurrentFormat = 2;
    // A rebuild writes fewer, larger segments with more memory (the writer flushes when it is full).
    private const double RebuildBufferMB = 256;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SearchIndex(string path, GermanAnalysis analysis)
    {
        Path = path;
        Analysis = analysis;
        System.IO.Directory.CreateDirectory(path);
        // Stored fields (the texts snippets are cut from) are read through a buffered file, not the
        // memory map: Lucene.Net decompresses them byte by byte, and a byte read from its memory map
        // cost so much more than one from a buffer that loading the 20 hits of a page took nearly
        // half of a query's CPU time at 100,000 papers. Postings and doc values stay memory-mapped.
        _directory = new FileSwitchDirectory(new HashSet<string> { "fdt", "fdx" }, new NIOFSDirectory(path), new MMapDirectory(path), doClose: true);
        // Before the writer opens: a new writer commits an empty index of its own.
        (Position, Format) = ReadCommitData();
        var config = new IndexWriterConfig(GermanAnalysis.Version, analysis.Index)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(),
        };
        _writer = new IndexWriter(_directory, config);
        Searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    public string Path { get; }
    public GermanAnalysis Analysis { get; }
    public SearcherManager Searchers { get; }

    /// <summary>Id of the last outbox row applied and committed; -1 before the first build.</summary>
    public long Position { get; private set; }

    /// <summary>UTC time of the last commit (from the commit data), or MinValue.</summary>
    public DateTime CommittedAt { get; private set; }

    /// <summary>Format of the documents in the index (1: before it was recorded).</summary>
    public int Format { get; private set; }

    /// <summary>Built, and in the format the queries expect; until then searches may miss what they should find.</summary>
    public bool IsBuilt => Position >= 0 && Format == CurrentFormat;

    /// <summary>Brings the given documents up to date and commits them together with the new position.</summary>
    public async Task ApplyAsync(RisDbContext db, IEnumerable<(string Kind, long Id)> keys, long position, DateTime now, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var group in (await WithAnsweredPapersAsync(db, keys, cancellationToken)).GroupBy(k => k.Kind))
            {
                var ids = group.Select(k => k.Id).ToList();
                for (var start = 0; start < ids.Count; start += 500)
                {
                    var batch = ids.GetRange(start, Math.Min(500, ids.Count - start));
                    var documents = await SearchDocuments.LoadAsync(db, group.Key, batch, cancellationToken);
                    var found = documents.Select(d => d.Id).ToHashSet();
                    foreach (var document in documents)
                    {
                        _writer.UpdateDocument(new Term(SearchFields.Key, SearchDocument.KeyOf(document.Type, document.Id)), document.ToLucene());
                    }
                    foreach (var gone in batch.Where(id => !found.Contains(id)))
                    {
                        _writer.DeleteDocuments(new Term(SearchFields.Key, SearchDocument.KeyOf(group.Key, gone)));
                    }
                }
            }
            Commit(Math.Max(position, Position), now);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A statement's answers live in its inquiry's document, so a changed statement re-indexes the inquiry.</summary>
    private static async Task<HashSet<(string Kind, long Id)>> WithAnsweredPapersAsync(RisDbContext db, IEnumerable<(string Kind, long Id)> keys, CancellationToken cancellationToken)
    {
        var all = keys.ToHashSet();
        var paperIds = all.Where(k => k.Kind == SearchKinds.Paper).Select(k => k.Id).ToList();
        if (paperIds.Count > 0)
        {
            var parents = await db.Papers.Where(p => EF.Parameter(paperIds).Contains(p.Id) && p.ParentPaperId != null).Select(p => p.ParentPaperId!.Value).ToListAsync(cancellationToken);
            all.UnionWith(parents.Select(id => (SearchKinds.Paper, id)));
        }
        return all;
    }

    /// <summary>
    /// Indexes everything from the database. The position is read before the data, so a change
    /// saved during the rebuild is applied again afterwards rather than lost. One thread reads
    /// batches from the database while the others analyse the previous batch (analysis is most of
    /// the work; IndexWriter takes documents from several threads), and there is a single commit at
    /// the end, so readers see the old index until the new one is complete.
    /// </summary>
    public async Task RebuildAsync(RisDbContext db, DateTime now, TextWriter? progress, CancellationToken cancellationToken)
    {
        var position = await db.SearchOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        await _writeLock.WaitAsync(cancellationToken);
        var buffer = _writer.Config.RAMBufferSizeMB;
        try
        {
            _writer.Config.RAMBufferSizeMB = RebuildBufferMB;
            // Large segments gain nothing from being copied once more into a compound file.
            _writer.Config.UseCompoundFile = false;
            _writer.DeleteAll();
            var batches = Channel.CreateBounded<List<SearchDocument>>(2);
            var indexing = Task.Run(async () =>
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
                    {
                        Parallel.ForEach(batch, parallel, document => _writer.AddDocument(document.ToLucene()));
                    }
                }
                catch
                {
                    // Close the channel so the reader of the database does not wait for room forever.
                    batches.Writer.TryComplete();
                    throw;
                }
            }, cancellationToken);
            try
            {
                foreach (var kind in new[] { SearchKinds.Paper, SearchKinds.Meeting, SearchKinds.Person, SearchKinds.Organization })
                {
                    var ids = await AllIdsAsync(db, kind, cancellationToken);
                    for (var start = 0; start < ids.Count && !indexing.IsCompleted; start += 500)
                    {
                        var batch = ids.GetRange(start, Math.Min(500, ids.Count - start));
                        if (!await batches.Writer.WaitToWriteAsync(cancellationToken) || !batches.Writer.TryWrite(await SearchDocuments.LoadAsync(db, kind, batch, cancellationToken)))
                        {
                            break; // indexing failed; its exception is thrown below
                        }
                        db.ChangeTracker.Clear();
                    }
                    progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Suche: {ids.Count} {kind}"));
                }
            }
            finally
            {
                batches.Writer.TryComplete();
            }
            await indexing;
            Format = CurrentFormat;
            Commit(position, now);
        }
        finally
        {
            _writer.Config.RAMBufferSizeMB = buffer;
            _writer.Config.UseCompoundFile = true;
            _writeLock.Release();
        }
    }

    internal static Task<List<long>> AllIdsAsync(RisDbContext db, string kind, CancellationToken cancellationToken) => kind switch
    {
        SearchKinds.Paper => db.Papers.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken),
        SearchKinds.Meeting => db.Meetings.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken),
        SearchKinds.Person => db.Persons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken),
        _ => db.Organizations.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken),
    };

    private void Commit(long position, DateTime now)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [CommittedAtKey] = now.Ticks.ToString(CultureInfo.InvariantCulture),
            [FormatKey] = Format.ToString(CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        Position = position;
        CommittedAt = now;
        Searchers.MaybeRefreshBlocking();
    }

    private (long Position, int Format) ReadCommitData()
    {
        if (!DirectoryReader.IndexExists(_directory))
        {
            return (-1, CurrentFormat);
        }
        IList<IndexCommit> commits;
        try
        {
            commits = DirectoryReader.ListCommits(_directory);
        }
        catch (IOException)
        {
            // kill -9 while a new index wrote its first commit leaves that commit cut short and none before it
            // to fall back to; Lucene's writer refuses such a folder too. Nothing in it can be read, and the
            // index is rebuilt from the database: it is emptied, under the write lock so that no writer of
            // another process loses its files.
            using var writeLock = _directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
            if (!writeLock.Obtain())
            {
                throw;
            }
            foreach (var file in _directory.ListAll().Where(f => f != IndexWriter.WRITE_LOCK_NAME))
            {
                _directory.DeleteFile(file);
            }
            return (-1, CurrentFormat);
        }
        var data = commits[^1].UserData;
        CommittedAt = data.TryGetValue(CommittedAtKey, out var at) && long.TryParse(at, CultureInfo.InvariantCulture, out var ticks) ? new DateTime(ticks, DateTimeKind.Utc) : DateTime.MinValue;
        var position = data.TryGetValue(PositionKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var p) ? p : -1;
        var format = data.TryGetValue(FormatKey, out var f) && int.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return (position, format);
    }

    public void Dispose()
    {
        Searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
    }
}
