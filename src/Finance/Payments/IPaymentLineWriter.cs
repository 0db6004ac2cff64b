using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>
/// Posts a run's lines inside the preparation's open transaction on the Finance context's connection. Lines are the
/// bulk of a run (60,000+ for a large county), and EF's change tracker costs ten times what each database's own bulk
/// path does, so the host supplies the fastest writer for its database.
/// </summary>
public interface IPaymentLineWriter
{
    /// <param name="finance">The context whose connection and current transaction the lines are written on.</param>
    /// <param name="runId">The run the lines belong to.</param>
    /// <param name="lines">The planned lines.</param>
    /// <param name="cancellationToken">Honoured while writing: a cancelled write leaves the transaction to be rolled back.</param>
    Task WriteAsync(FinanceDb finance, int runId, IReadOnlyList<PlannedLine> lines, CancellationToken cancellationToken);
}

/// <summary>The portable writer: EF Core, change detection off, one SaveChanges (any database; SQL Server uses it).</summary>
public sealed class EntityPaymentLineWriter : IPaymentLineWriter
{
    public async Task WriteAsync(FinanceDb finance, int runId, IReadOnlyList<PlannedLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finance);
        ArgumentNullException.ThrowIfNull(lines);
        finance.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            finance.PaymentLines.AddRange(lines.Select(l => new PaymentLine(runId, l)));
            finance.ChangeTracker.DetectChanges();
            await finance.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            finance.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }
}
