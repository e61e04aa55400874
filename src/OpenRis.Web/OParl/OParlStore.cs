using System.Buffers;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.IO.Pipelines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenRis.Web.Data;
using SQLitePCL;

namespace OpenRis.Web.OParl;

/// <summary>
/// The read side of the OParl API, without EF Core: plain ADO.NET commands on the stored documents.
/// EF's query pipeline cost more CPU per page than reading the page itself. SQLite connections are
/// kept open here with their pragmas and prepared statements; PostgreSQL connections come from
/// Npgsql's pool, which keeps prepared statements per physical connection. With
/// Database:ReadOnlyConnectionString set they come from the read replica: every OParl request only reads,
/// and the list cache's data version is read on the same connection as the page, so a lagging replica
/// serves an older but consistent state.
/// </summary>
internal sealed class OParlStore(IServiceProvider services) : IAsyncDisposable
{
    // Enough for two cores and a few concurrent crawlers; more requests open extra connections and close them after use.
    private const int IdleSqliteConnections = 8;

    private readonly ConcurrentBag<OParlConnection> _idle = [];
    private readonly Lazy<(DatabaseProvider Provider, string ConnectionString)> _database = new(() =>
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        if (db.Database.IsNpgsql())
        {
            var replica = scope.ServiceProvider.GetRequiredService<DatabaseOptions>().ReadOnlyConnectionString;
            return (DatabaseProvider.Postgres, string.IsNullOrWhiteSpace(replica) ? db.Database.GetConnectionString()! : replica);
        }
        return (DatabaseProvider.Sqlite, db.Database.GetConnectionString()!);
    });

    public async Task<OParlConnection> OpenAsync(CancellationToken ct)
    {
        var (provider, connectionString) = _database.Value;
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new NpgsqlConnection(connectionString);
            await postgres.OpenAsync(ct);
            return new OParlConnection(this, postgres, null);
        }
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }
        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(ct);
        using (var pragmas = sqlite.CreateCommand())
        {
            // SQLite's default page cache (2 MB) per connection. A list's index pages stay in it; the
            // documents are read once per page and come from the OS page cache anyway. 16 MB per
            // connection put 16 concurrent crawlers' caches at 256 MB of server memory. No mmap: mapped
            // pages count as server memory, and mmap_size=8 GB showed no clear gain at 100,000 papers
            // (docs/performance.md).
            pragmas.CommandText = "PRAGMA cache_size=-2048; PRAGMA temp_store=MEMORY;";
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        return new OParlConnection(this, sqlite, sqlite);
    }

    internal void Return(OParlConnection connection)
    {
        if (connection.Sqlite is not null && _idle.Count < IdleSqliteConnections)
        {
            _idle.Add(connection);
        }
        else
        {
            connection.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Close();
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>One leased connection: its commands (prepared once per connection on SQLite) and an optional read snapshot.</summary>
internal sealed class OParlConnection(OParlStore store, DbConnection connection, SqliteConnection? sqlite) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);
    private DbTransaction? _snapshot;

    public SqliteConnection? Sqlite => sqlite;

    /// <summary>
    /// The byte length of <paramref name="json"/> for <see cref="ReadPageAsync"/>. SQLite has the
    /// length with the value: computing it would read the overflow pages of an expression twice.
    /// </summary>
    public string LengthColumn(string json) => sqlite is null ? $"octet_length({json})" : "0";

    /// <summary>A read snapshot, so that a page's lengths (for Content-Length) and its bytes come from the same data.</summary>
    public async Task BeginSnapshotAsync(CancellationToken ct) =>
        _snapshot = sqlite is not null
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    /// <summary>A command ready to run; on SQLite the same (prepared) command object for the same SQL.</summary>
    public DbCommand Command(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        DbCommand? command = null;
        if (sqlite is null || !_commands.TryGetValue(sql, out command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            if (sqlite is not null)
            {
                _commands[sql] = command;
            }
        }
        command.Transaction = _snapshot;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The first column of the first row, or null for none.</summary>
    public async Task<object?> ScalarAsync(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken ct)
    {
        var command = Command(sql, parameters);
        try
        {
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? null : value;
        }
        finally
        {
            Release(command);
        }
    }

    /// <summary>Disposes what is not kept for the next request on this connection.</summary>
    public void Release(DbCommand command)
    {
        if (sqlite is null)
        {
            command.Dispose();
        }
    }

    /// <summary>
    /// Reads one list page in one query: the columns are the object id, its Modified, the JSON's
    /// length in bytes (PostgreSQL's sequential reads need it first; SQLite ignores it, see
    /// <see cref="LengthColumn"/>) and the JSON.
    /// At most <paramref name="limit"/> rows are kept; a further row only tells that there is more.
    /// One query instead of ids-then-JSON: each row is found and decoded once, and Modified is
    /// compared as stored instead of being parsed per row.
    /// </summary>
    public async Task<OParlPageRows> ReadPageAsync(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, CancellationToken ct)
    {
        var page = new OParlPageRows();
        try
        {
            if (sqlite is not null)
            {
                var statement = Statement(sql);
                try
                {
                    SqliteRows.Bind(statement, parameters);
                    SqliteRows.ReadPage(sqlite, statement, page, limit);
                }
                finally
                {
                    _ = raw.sqlite3_reset(statement);
                }
                return page;
            }
            var command = Command(sql, parameters);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                while (await reader.ReadAsync(ct))
                {
                    if (page.Count == limit)
                    {
                        page.HasMore = true;
                        break;
                    }
                    var id = reader.GetInt64(0);
                    page.Modified(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
                    var length = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
                    await using var json = reader.GetStream(3);
                    await page.AddAsync(id, length, json, ct);
                }
            }
            finally
            {
                Release(command);
            }
            return page;
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes one list page's objects (SQLite only; the columns as for <see cref="ReadPageAsync"/>),
    /// comma-separated, from SQLite's row buffer straight to <paramref name="writer"/>, flushing now
    /// and then. For a page whose length is known before its rows are read.
    /// </summary>
    public async Task<OParlStreamedPage> StreamPageAsync(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, PipeWriter writer, CancellationToken ct)
    {
        var statement = Statement(sql);
        var page = new OParlStreamedPage();
        try
        {
            SqliteRows.Bind(statement, parameters);
            while (!SqliteRows.WritePart(sqlite!, statement, page, limit, writer))
            {
                await writer.FlushAsync(ct);
            }
        }
        finally
        {
            _ = raw.sqlite3_reset(statement);
        }
        page.Done();
        return page;
    }

    private sqlite3_stmt Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            var rc = raw.sqlite3_prepare_v2(sqlite!.Handle, sql, out statement);
            SqliteException.ThrowExceptionForRC(rc, sqlite.Handle);
            _statements[sql] = statement;
        }
        return statement;
    }

    public ValueTask DisposeAsync()
    {
        var snapshot = _snapshot;
        _snapshot = null;
        // Read-only: ending the snapshot by rollback is the same as committing it.
        snapshot?.Dispose();
        store.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        _statements.Clear();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        connection.Dispose();
    }
}

/// <summary>The synchronous part of reading SQLite rows: spans into SQLite's buffers cannot live across an await.</summary>
internal static class SqliteRows
{
    public static void Bind(sqlite3_stmt statement, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        _ = raw.sqlite3_reset(statement);
        _ = raw.sqlite3_clear_bindings(statement);
        foreach (var (name, value) in parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, name);
            if (index == 0)
            {
                continue;
            }
            _ = value switch
            {
                long l => raw.sqlite3_bind_int64(statement, index, l),
                int i => raw.sqlite3_bind_int64(statement, index, i),
                bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
                string s => raw.sqlite3_bind_text(statement, index, s),
                // As Microsoft.Data.Sqlite and EF Core store them: the filters compare text.
                DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentOutOfRangeException(nameof(parameters), value, $"No SQLite binding for {value.GetType()}."),
            };
        }
    }

    /// <summary>
    /// Steps through the rows (id, Modified as stored text, length, JSON) of one page and copies
    /// their JSON, comma-separated, into one span of the response's pipe of about 256 KB, until it
    /// is full or the page ends; true when the page ended. One span per part, not one write per row:
    /// each of Kestrel's GetSpan/Advance calls takes a lock (about 8 % of a crawl's CPU when every
    /// row and comma was written on its own). Larger parts than the 64 KB of
    /// <see cref="OParlPageRows.WriteToAsync"/>: fewer flushes.
    /// </summary>
    public static bool WritePart(SqliteConnection connection, sqlite3_stmt statement, OParlStreamedPage page, int limit, PipeWriter writer)
    {
        const int PartSize = 256 * 1024;
        var span = writer.GetSpan(PartSize);
        var used = 0;
        while (true)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
            {
                break;
            }
            if (rc != raw.SQLITE_ROW)
            {
                writer.Advance(used);
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
            if (page.Count == limit)
            {
                page.HasMore = true;
                break;
            }
            // The JSON first: reading Modified, which is stored after it, then finds its overflow pages cached.
            var json = raw.sqlite3_column_blob(statement, 3);
            var comma = page.Count > 0 ? 1 : 0;
            var full = json.Length + comma > span.Length - used;
            if (full)
            {
                // The row is read already: it goes into a span of its own size, and the part ends with it.
                writer.Advance(used);
                span = writer.GetSpan(json.Length + comma);
                used = 0;
            }
            if (comma == 1)
            {
                span[used++] = (byte)',';
            }
            json.CopyTo(span[used..]);
            used += json.Length;
            page.Length += json.Length + comma;
            page.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 1));
            if (full)
            {
                writer.Advance(used);
                return false;
            }
        }
        writer.Advance(used);
        return true;
    }

    /// <summary>Steps through the rows (id, Modified as stored text, length, JSON) of one page into <paramref name="page"/>.</summary>
    public static void ReadPage(SqliteConnection connection, sqlite3_stmt statement, OParlPageRows page, int limit)
    {
        // Stored as "yyyy-MM-dd HH:mm:ss.FFFFFFF": ordinal order is time order, so only the latest is parsed.
        Span<byte> latest = stackalloc byte[64];
        var latestLength = 0;
        while (true)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
            {
                break;
            }
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
            if (page.Count == limit)
            {
                page.HasMore = true;
                break;
            }
            // The blob accessor returns a TEXT value's UTF-8 bytes as they are stored.
            var modified = raw.sqlite3_column_blob(statement, 1);
            if (modified.Length <= latest.Length && modified.SequenceCompareTo(latest[..latestLength]) > 0)
            {
                modified.CopyTo(latest);
                latestLength = modified.Length;
            }
            page.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 3));
        }
        if (latestLength > 0)
        {
            page.Modified(DateTime.SpecifyKind(DateTime.Parse(System.Text.Encoding.UTF8.GetString(latest[..latestLength]), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
        }
    }
}

/// <summary>What <see cref="OParlConnection.StreamPageAsync"/> wrote: the ids for the links, the length and the latest Modified.</summary>
internal sealed class OParlStreamedPage
{
    // Modified as stored ("yyyy-MM-dd HH:mm:ss.FFFFFFF"): ordinal order is time order, so only the latest is parsed.
    private readonly byte[] _latest = new byte[64];
    private int _latestLength;

    public int Count { get; private set; }

    public bool HasMore { get; set; }

    public long FirstId { get; private set; }

    public long LastId { get; private set; }

    /// <summary>Bytes written: the objects and the commas between them.</summary>
    public long Length { get; set; }

    public DateTime LastModified { get; private set; } = DateTime.UnixEpoch;

    public void Add(long objectId, ReadOnlySpan<byte> modified)
    {
        if (Count == 0)
        {
            FirstId = objectId;
        }
        LastId = objectId;
        Count++;
        if (modified.Length <= _latest.Length && modified.SequenceCompareTo(_latest.AsSpan(0, _latestLength)) > 0)
        {
            modified.CopyTo(_latest);
            _latestLength = modified.Length;
        }
    }

    public void Done()
    {
        if (_latestLength > 0)
        {
            LastModified = DateTime.SpecifyKind(DateTime.Parse(System.Text.Encoding.UTF8.GetString(_latest, 0, _latestLength), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        }
    }
}

/// <summary>
/// The rows of one list page: ids and JSON, the JSON copied into pooled chunks, so that the page's
/// length (Content-Length) and Last-Modified are known before the first byte is sent.
/// </summary>
internal sealed class OParlPageRows : IDisposable
{
    // Pooled, so the size need not stay below the large object heap's threshold; 256 KB keeps the
    // number of chunks of a megabyte page small.
    private const int ChunkSize = 256 * 1024;

    private readonly List<byte[]> _chunks = [];
    private readonly List<(long ObjectId, int Chunk, int Offset, int Length)> _rows = [];
    private int _used;

    public int Count => _rows.Count;

    /// <summary>A row beyond the page's limit exists.</summary>
    public bool HasMore { get; set; }

    public DateTime LastModified { get; private set; } = DateTime.UnixEpoch;

    /// <summary>The JSON bytes of all rows, without separators.</summary>
    public long Length { get; private set; }

    public long FirstId => _rows[0].ObjectId;

    public long LastId => _rows[^1].ObjectId;

    public void Modified(DateTime modified)
    {
        if (modified > LastModified)
        {
            LastModified = modified;
        }
    }

    public void Add(long objectId, ReadOnlySpan<byte> json)
    {
        var target = Reserve(json.Length);
        json.CopyTo(target);
        Commit(objectId, json.Length);
    }

    public async Task AddAsync(long objectId, int length, Stream json, CancellationToken ct)
    {
        Reserve(length);
        var chunk = _chunks[^1];
        var offset = _used;
        var read = 0;
        while (read < length)
        {
            var n = await json.ReadAsync(chunk.AsMemory(offset + read, length - read), ct);
            if (n == 0)
            {
                throw new EndOfStreamException("The JSON column ended early.");
            }
            read += n;
        }
        Commit(objectId, length);
    }

    /// <summary>Puts a page read backwards (towards a "before" cursor) into id order.</summary>
    public void Reverse() => _rows.Reverse();

    /// <summary>Writes the rows comma-separated, flushing now and then so that megabyte pages do not pile up in the pipe.</summary>
    public async Task WriteToAsync(PipeWriter writer, CancellationToken ct)
    {
        long unflushed = 0;
        for (var i = 0; i < _rows.Count; i++)
        {
            var (_, chunk, offset, length) = _rows[i];
            if (i > 0)
            {
                writer.Write(","u8);
            }
            writer.Write(_chunks[chunk].AsSpan(offset, length));
            unflushed += length;
            if (unflushed >= 64 * 1024)
            {
                await writer.FlushAsync(ct);
                unflushed = 0;
            }
        }
    }

    private Span<byte> Reserve(int length)
    {
        if (_chunks.Count == 0 || _used + length > _chunks[^1].Length)
        {
            _chunks.Add(ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, length)));
            _used = 0;
        }
        return _chunks[^1].AsSpan(_used, length);
    }

    private void Commit(long objectId, int length)
    {
        _rows.Add((objectId, _chunks.Count - 1, _used, length));
        _used += length;
        Length += length;
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        _chunks.Clear();
    }
}
