using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Placements.Web.Database;

/// <summary>A column a bulk write fills, with its type on each database.</summary>
public sealed record BulkColumn(string Name, NpgsqlDbType Postgres, SqliteType Sqlite);

/// <summary>
/// Each database's own bulk path for many rows of one table, on the context's connection and inside its open transaction:
/// PostgreSQL's binary COPY, SQLite's one prepared INSERT reused for every row. Values are given as EF stores them
/// (Money as pence, enums as their names, LocalDate as DateOnly). About a tenth of EF's time for tens of thousands of rows
/// (tests/Benchmarks: payment-run); EF remains the path on SQL Server.
/// </summary>
public static class BulkRows
{
    private const int CheckEvery = 1000;

    /// <returns>False when the database has no bulk path here: the caller writes through EF.</returns>
    public static async Task<bool> TryWriteAsync<T>(DbContext context, string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(values);
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {table} are written in bulk only inside a transaction.");
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        switch (context.Database.GetDbConnection())
        {
            case NpgsqlConnection postgres:
                await CopyAsync(postgres, $"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", columns, rows, values, cancellationToken);
                return true;
            case SqliteConnection sqlite:
                await Task.Run(() => Insert(sqlite, (SqliteTransaction)transaction, $"INSERT INTO \"{table}\" ({names}) VALUES (" +
                    string.Join(", ", columns.Select((_, i) => $"$p{i}")) + ")", columns, rows, values, cancellationToken), cancellationToken);
                return true;
            default:
                return false;
        }
    }

    // Npgsql runs COPY in the connection's open transaction; disposing the importer before Complete abandons it.
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IReadOnlyList<BulkColumn> columns, IReadOnlyList<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            var cells = values(row);
            for (var i = 0; i < columns.Count; i++)
            {
                if (cells[i] is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(cells[i], columns[i].Postgres, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static void Insert<T>(SqliteConnection connection, SqliteTransaction transaction, string insert, IReadOnlyList<BulkColumn> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        var parameters = columns.Select((c, i) => command.Parameters.Add($"$p{i}", c.Sqlite)).ToArray();
        command.Prepare();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
            var cells = values(rows[r]);
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = cells[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
