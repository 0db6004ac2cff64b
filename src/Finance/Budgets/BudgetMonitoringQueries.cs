using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets;

/// <summary>What the monitoring pages read besides the live forecast: budgets with their versions, snapshots, notes, movement and alerts.</summary>
public sealed class BudgetMonitoringQueries(FinanceDb finance)
{
    /// <summary>The year's budget lines with their revisions, in s251 order.</summary>
    public async Task<IReadOnlyList<BudgetLine>> BudgetsAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var lines = await finance.BudgetLines.AsNoTracking().Include(l => l.Revisions).Where(l => l.FinancialYear == year).ToListAsync(cancellationToken);
        return lines.OrderBy(l => S251Order(l.S251LineCode)).ToList();
    }

    /// <summary>Every snapshot, latest first (without their placements).</summary>
    public async Task<IReadOnlyList<BudgetSnapshot>> SnapshotsAsync(CancellationToken cancellationToken = default) =>
        (await finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).ToListAsync(cancellationToken)).OrderByDescending(s => s.Month).ToList();

    /// <summary>A month's snapshot with its lines, provision types and notes; null if none was taken.</summary>
    public Task<BudgetSnapshot?> SnapshotAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).Include(s => s.ProvisionTypes).Include(s => s.Notes)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Month == month, cancellationToken);

    /// <summary>The latest snapshot of <paramref name="year"/> taken before <paramref name="date"/>: "last month" for a forecast on that date.</summary>
    public async Task<BudgetSnapshot?> PreviousSnapshotAsync(FinancialYear year, LocalDate date, CancellationToken cancellationToken = default)
    {
        var month = await finance.BudgetSnapshots.AsNoTracking().Where(s => s.FinancialYear == year && s.AsAt < date)
            .OrderByDescending(s => s.AsAt).Select(s => (YearMonth?)s.Month).FirstOrDefaultAsync(cancellationToken);
        return month is { } m ? await SnapshotAsync(m, cancellationToken) : null;
    }

    /// <summary>A snapshot's placement parts.</summary>
    public async Task<IReadOnlyList<BudgetSnapshotPlacement>> SnapshotPlacementsAsync(int snapshotId, CancellationToken cancellationToken = default) =>
        await finance.BudgetSnapshotPlacements.AsNoTracking().Where(p => p.BudgetSnapshotId == snapshotId).ToListAsync(cancellationToken);

    /// <summary>The movement from <paramref name="previous"/> to the live <paramref name="forecast"/>, explained placement by placement.</summary>
    public async Task<ForecastMovementResult> MovementSinceAsync(BudgetSnapshot previous, HighNeedsForecastResult forecast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(forecast);
        var before = (await SnapshotPlacementsAsync(previous.Id, cancellationToken)).Select(PlacementPart.From).ToList();
        return ForecastMovement.Between(previous.AsAt, ForecastMovement.Lines(previous), before,
            forecast.AsAt, ForecastMovement.Lines(forecast), forecast.Placements.Select(PlacementPart.From).ToList());
    }

    /// <summary>The movement between two snapshots.</summary>
    public async Task<ForecastMovementResult> MovementBetweenAsync(BudgetSnapshot previous, BudgetSnapshot current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = (await SnapshotPlacementsAsync(previous.Id, cancellationToken)).Select(PlacementPart.From).ToList();
        var after = (await SnapshotPlacementsAsync(current.Id, cancellationToken)).Select(PlacementPart.From).ToList();
        return ForecastMovement.Between(previous.AsAt, ForecastMovement.Lines(previous), before, current.AsAt, ForecastMovement.Lines(current), after);
    }

    /// <summary>The latest snapshot's alerts: lines whose forecast crossed a threshold since the snapshot before.</summary>
    public async Task<(BudgetSnapshot? Snapshot, IReadOnlyList<BudgetSnapshotLine> Alerts)> LatestAlertsAsync(CancellationToken cancellationToken = default)
    {
        var latest = await finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).OrderByDescending(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        return (latest, latest?.Alerts.OrderBy(l => S251Order(l.S251Line)).ToList() ?? []);
    }

    public static int S251Order(string code)
    {
        for (var i = 0; i < S251Line.HighNeeds.Count; i++) if (S251Line.HighNeeds[i].Code == code) return i;
        return int.MaxValue;
    }
}
