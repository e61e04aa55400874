using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data;

/// <summary>
/// Draws the next Drucksachennummer. The counter row is incremented by a single UPDATE inside the
/// caller's transaction: PostgreSQL holds the row lock and SQLite the write lock until commit, so
/// parallel registrations queue up, and a rolled-back registration gives its number back (gapless).
/// </summary>
public static class PaperNumbering
{
    public static async Task<string> NextAsync(RisDbContext db, string sequenceKey, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Numbers are drawn inside the transaction that saves the paper.");
        var sequence = await db.NumberSequences.AsNoTracking().FirstOrDefaultAsync(s => s.Key == sequenceKey, cancellationToken)
            ?? throw new WorkflowException($"Für den Nummernkreis „{sequenceKey}“ ist kein Schema eingerichtet.");
        var year = Berlin.ToLocal(nowUtc).Year;
        var period = sequence.PeriodOf(year);

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        // Same SQL on both providers: ON CONFLICT and RETURNING exist in PostgreSQL and SQLite (3.35+).
        command.CommandText = """
            INSERT INTO "NumberCounters" ("SequenceKey", "Period", "Last") VALUES (@key, @period, 0) ON CONFLICT ("SequenceKey", "Period") DO NOTHING;
            UPDATE "NumberCounters" SET "Last" = "Last" + 1 WHERE "SequenceKey" = @key AND "Period" = @period RETURNING "Last";
            """;
        Add(command, "@key", sequenceKey);
        Add(command, "@period", period);
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return sequence.Format(last, year);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
