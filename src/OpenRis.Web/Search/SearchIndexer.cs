using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.Search;

/// <summary>
/// Applies the search outbox to this node's index: on start a full build when the index is new
/// (or older than the outbox's retention), then every few hundred milliseconds the rows after the
/// stored position plus a short look-back window. Rows are never consumed, only pruned by age, so
/// any number of nodes can follow one database.
/// </summary>
public sealed partial class SearchIndexer(IServiceScopeFactory scopes, SearchIndex index, SearchOptions options, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _pass = new(1, 1);

    // Rows of the look-back window this process has applied (id → saved at), so each is applied once.
    private readonly Dictionary<long, DateTime> _recentlyApplied = [];
    private DateTime _nextPrune;

    /// <summary>Asks for a pass now instead of at the next poll (after a save in this process).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.IndexDelayMilliseconds > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.IndexDelayMilliseconds), clock, stoppingToken);
                }
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database may be away for a moment (restart, failover); the next pass retries.
                LogPassFailed(logger, e);
            }
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(options.PollMilliseconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One pass: build if needed, else apply what is new. Tests call it to wait for the index.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await PassAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // A node away longer than the retention may have missed pruned rows: only a rebuild is safe.
        if (!index.IsBuilt || index.CommittedAt < now.AddDays(-options.OutboxRetentionDays + 1))
        {
            await index.RebuildAsync(db, now, null, cancellationToken);
            LogRebuilt(logger, index.Path);
            return;
        }
        var position = index.Position;
        var since = now.AddSeconds(-options.LookBackSeconds);
        var fresh = await db.SearchOutbox.AsNoTracking().Where(e => e.Id > position)
            .OrderBy(e => e.Id).Take(5000).Select(e => new OutboxRow(e.Id, e.Kind, e.EntityId, e.At))
            .ToListAsync(cancellationToken);
        // By the At index alone: with "Id <= position" in the query SQLite walks the whole outbox
        // by its key on every poll (tens of ms at 100,000 papers).
        var late = (await db.SearchOutbox.AsNoTracking().Where(e => e.At >= since)
            .Select(e => new OutboxRow(e.Id, e.Kind, e.EntityId, e.At))
            .ToListAsync(cancellationToken)).Where(r => r.Id <= position).ToList();
        var todo = fresh.Concat(late.Where(r => !_recentlyApplied.ContainsKey(r.Id))).ToList();
        if (todo.Count > 0)
        {
            await index.ApplyAsync(db, todo.Select(r => (r.Kind, r.EntityId)), fresh.Count > 0 ? fresh[^1].Id : position, now, cancellationToken);
            foreach (var row in todo)
            {
                _recentlyApplied[row.Id] = row.At;
            }
        }
        foreach (var old in _recentlyApplied.Where(r => r.Value < since).Select(r => r.Key).ToList())
        {
            _recentlyApplied.Remove(old);
        }
        if (now >= _nextPrune)
        {
            await db.SearchOutbox.Where(e => e.At < now.AddDays(-options.OutboxRetentionDays)).ExecuteDeleteAsync(cancellationToken);
            _nextPrune = now.AddHours(1);
        }
    }

    private sealed record OutboxRow(long Id, string Kind, long EntityId, DateTime At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search indexer pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt in {Path}")]
    private static partial void LogRebuilt(ILogger logger, string path);

    public override void Dispose()
    {
        _wake.Dispose();
        _pass.Dispose();
        base.Dispose();
    }
}
