using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets.Snapshots;

/// <summary>
/// Writes a snapshot's placement rows inside the snapshot's open transaction on the Finance context's connection. A
/// county's snapshot has a row per placement (70,000 or more), which EF inserts slowly; the host supplies each database's
/// bulk path, as it does for a run's lines.
/// </summary>
public interface ISnapshotPlacementWriter
{
    Task WriteAsync(FinanceDb finance, int snapshotId, IReadOnlyList<PlacementForecast> placements, CancellationToken cancellationToken);
}

/// <summary>The portable writer: EF Core with change detection off (any database; SQL Server uses it).</summary>
public sealed class EntitySnapshotPlacementWriter : ISnapshotPlacementWriter
{
    public async Task WriteAsync(FinanceDb finance, int snapshotId, IReadOnlyList<PlacementForecast> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finance);
        ArgumentNullException.ThrowIfNull(placements);
        finance.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            finance.BudgetSnapshotPlacements.AddRange(placements.Select(p => new BudgetSnapshotPlacement(snapshotId, p)));
            finance.ChangeTracker.DetectChanges();
            await finance.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            finance.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }
}
