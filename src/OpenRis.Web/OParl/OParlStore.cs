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
            // A 16 MB page cache keeps the index pages of every list in memory (the default is 2 MB);
            // the documents themselves come from the OS page cache. No mmap: mapped pages would count
            // as server memory for the whole database.
            pragmas.CommandText = "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;";
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
    /// Writes the first column of every row (UTF-8 JSON), comma-separated, to <paramref name="writer"/>:
    /// on SQLite straight from SQLite's row buffer, on PostgreSQL streamed from the network buffer;
    /// no array per row either way.
    /// </summary>
    public async Task WriteJsonAsync(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, PipeWriter writer, CancellationToken ct)
    {
        if (sqlite is null)
        {
            var command = Command(sql, parameters);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                for (var first = true; await reader.ReadAsync(ct); first = false)
                {
                    if (!first)
                    {
                        writer.Write(","u8);
                    }
                    await using var json = reader.GetStream(0);
                    await json.CopyToAsync(writer, ct);
                }
            }
            finally
            {
                Release(command);
            }
            return;
        }

        var statement = Statement(sql);
        try
        {
            SqliteRows.Bind(statement, parameters);
            long unflushed = 0;
            for (var first = true; ; first = false)
            {
                var written = SqliteRows.WriteNext(sqlite, statement, writer, comma: !first);
                if (written < 0)
                {
                    break;
                }
                unflushed += written;
                // Flushing now and then keeps the pipe's buffers small on megabyte pages.
                if (unflushed >= 64 * 1024)
                {
                    await writer.FlushAsync(ct);
                    unflushed = 0;
                }
            }
        }
        finally
        {
            // A statement left stepping would hold its read transaction open.
            _ = raw.sqlite3_reset(statement);
        }
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

    /// <summary>Steps to the next row and writes its first column; the bytes written, or -1 after the last row.</summary>
    public static long WriteNext(SqliteConnection connection, sqlite3_stmt statement, PipeWriter writer, bool comma)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_DONE)
        {
            return -1;
        }
        if (rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
        if (comma)
        {
            writer.Write(","u8);
        }
        var json = raw.sqlite3_column_blob(statement, 0);
        writer.Write(json);
        return json.Length;
    }
}
