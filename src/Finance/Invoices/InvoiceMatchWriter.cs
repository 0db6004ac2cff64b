using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Placements.Commissioning.Auditing;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>What matching sets on a line: compared before and after to find the lines (and the properties) that changed.</summary>
internal readonly record struct MatchState(int? AgreementId, Money? Expected, Money NetInvoiced, InvoiceLineStatus Status, string? QueryReason)
{
    public static MatchState Of(InvoiceLine line) => new(line.AgreementId, line.Expected, line.NetInvoiced, line.Status, line.QueryReason);

    /// <summary>The properties whose values differ from <paramref name="other"/>'s, with this state's values (for the audit row).</summary>
    public Dictionary<string, object?> Differences(MatchState other)
    {
        var values = new Dictionary<string, object?>();
        if (AgreementId != other.AgreementId) values[nameof(AgreementId)] = AgreementId;
        if (Expected != other.Expected) values[nameof(Expected)] = Expected;
        if (NetInvoiced != other.NetInvoiced) values[nameof(NetInvoiced)] = NetInvoiced;
        if (Status != other.Status) values[nameof(Status)] = Status;
        if (QueryReason != other.QueryReason) values[nameof(QueryReason)] = QueryReason;
        return values;
    }
}

/// <summary>
/// Writes matching's changes and their audit rows in set-based SQL instead of the change tracker: a provider file or a
/// re-match can change tens of thousands of lines, and EF's per-row update with a per-row audit insert costs seconds per
/// ten thousand. PostgreSQL gets two statements over arrays (<c>unnest</c>); SQLite and SQL Server one prepared update and
/// one prepared insert reused for every line. The audit rows are the interceptor's own (<see cref="AuditInterceptor.Changed"/>),
/// so the trail is the same as if EF had saved them. Runs in the caller's transaction, or its own.
/// </summary>
internal static class InvoiceMatchWriter
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static async Task WriteAsync(FinanceDb finance, IReadOnlyList<(InvoiceLine Line, MatchState Before)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        var interceptor = AuditInterceptor.Of(finance);
        var audit = interceptor is null
            ? []
            : changes.Select(c =>
            {
                var after = MatchState.Of(c.Line);
                return interceptor.Changed(nameof(InvoiceLine), c.Line.AuditKey, c.Before.Differences(after), after.Differences(c.Before));
            }).ToList();

        await using var own = finance.Database.CurrentTransaction is null ? await finance.Database.BeginTransactionAsync(cancellationToken) : null;
        var connection = finance.Database.GetDbConnection();
        var transaction = finance.Database.CurrentTransaction!.GetDbTransaction();
        if (finance.Database.ProviderName == Postgres) await WithArraysAsync(connection, transaction, changes, audit, cancellationToken);
        else await OneByOneAsync(connection, transaction, changes, audit, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
    }

    private const string Update = """
        UPDATE "InvoiceLines" SET "AgreementId" = @a, "Expected" = @e, "NetInvoiced" = @n, "Status" = @s, "QueryReason" = @q WHERE "Id" = @id
        """;

    private const string Insert = """
        INSERT INTO "AuditEntries" ("At", "Actor", "Action", "EntityType", "EntityKey", "Before", "After") VALUES (@at, @actor, @action, @type, @key, @before, @after)
        """;

    private static async Task OneByOneAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(InvoiceLine Line, MatchState Before)> changes,
        IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using (var update = Command(connection, transaction, Update, "@a", "@e", "@n", "@s", "@q", "@id"))
        {
            foreach (var (line, _) in changes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Set(update, line.AgreementId, line.Expected?.Pence, line.NetInvoiced.Pence, line.Status.ToString(), line.QueryReason, line.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using var insert = Command(connection, transaction, Insert, "@at", "@actor", "@action", "@type", "@key", "@before", "@after");
        foreach (var entry in audit)
        {
            Set(insert, entry.At.ToDateTimeUtc(), entry.Actor, entry.Action, entry.EntityType, entry.EntityKey, entry.Before, entry.After);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WithArraysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(InvoiceLine Line, MatchState Before)> changes,
        IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using (var update = Command(connection, transaction, """
            UPDATE "InvoiceLines" AS l SET "AgreementId" = v.a, "Expected" = v.e, "NetInvoiced" = v.n, "Status" = v.s, "QueryReason" = v.q
            FROM unnest(@ids, @a, @e, @n, @s, @q) AS v(id, a, e, n, s, q) WHERE l."Id" = v.id
            """, "@ids", "@a", "@e", "@n", "@s", "@q"))
        {
            var lines = changes.Select(c => c.Line).ToList();
            Set(update, lines.Select(l => l.Id).ToArray(), lines.Select(l => l.AgreementId).ToArray(), lines.Select(l => l.Expected?.Pence).ToArray(),
                lines.Select(l => l.NetInvoiced.Pence).ToArray(), lines.Select(l => l.Status.ToString()).ToArray(), lines.Select(l => l.QueryReason).ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        if (audit.Count == 0) return;
        await using var insert = Command(connection, transaction, """
            INSERT INTO "AuditEntries" ("At", "Actor", "Action", "EntityType", "EntityKey", "Before", "After")
            SELECT @at, @actor, @action, @type, v.k, v.b, v.a FROM unnest(@keys, @before, @after) AS v(k, b, a)
            """, "@at", "@actor", "@action", "@type", "@keys", "@before", "@after");
        Set(insert, audit[0].At.ToDateTimeUtc(), audit[0].Actor, audit[0].Action, audit[0].EntityType, audit.Select(a => a.EntityKey).ToArray(),
            audit.Select(a => a.Before).ToArray(), audit.Select(a => a.After).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        (command.Transaction, command.CommandText) = (transaction, sql);
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
