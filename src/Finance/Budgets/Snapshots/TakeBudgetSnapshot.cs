using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets.Snapshots;

/// <summary>What taking a month's snapshot did.</summary>
public sealed record SnapshotOutcome(BudgetSnapshot Snapshot, bool Taken, string Message);

/// <summary>
/// Takes the month's budget-monitoring snapshot (the monthly Quartz job calls this after the payment run): the base
/// forecast of the financial year on <c>asAt</c>, stored with every placement's part, immutable. One a month: taking it
/// again changes nothing. Each line's RAG is compared with the previous snapshot's, so a line that crossed a threshold
/// is an alert. The partners' expected contributions are kept beside the gross forecast, so the net is on record too.
/// </summary>
/// <param name="placementWriter">How the placement rows are written; null: through EF (<see cref="EntitySnapshotPlacementWriter"/>).</param>
public sealed class TakeBudgetSnapshot(LoadForecastInputs loader, FinanceDb finance, IClock clock, ISnapshotPlacementWriter? placementWriter = null)
{
    private readonly ISnapshotPlacementWriter placements = placementWriter ?? new EntitySnapshotPlacementWriter();

    public async Task<SnapshotOutcome> RunAsync(LocalDate asAt, string takenBy, BudgetSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await ExistingAsync(asAt.ToYearMonth(), cancellationToken) is { } existing)
            return new(existing, false, $"The {existing.Month:MMMM yyyy} snapshot was already taken on {existing.AsAt:d MMMM yyyy}: nothing changed.");
        var inputs = await loader.LoadAsync(FinancialYear.For(asAt), asAt, settings, cancellationToken);
        return await SaveAsync(inputs, takenBy, settings, cancellationToken);
    }

    /// <summary>Takes the snapshot of inputs already loaded (the demo seeds past months this way), unless the month has one.</summary>
    public async Task<SnapshotOutcome> SaveAsync(ForecastInputs inputs, string takenBy, BudgetSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var month = inputs.AsAt.ToYearMonth();
        if (await ExistingAsync(month, cancellationToken) is { } existing)
            return new(existing, false, $"The {existing.Month:MMMM yyyy} snapshot was already taken on {existing.AsAt:d MMMM yyyy}: nothing changed.");

        var forecast = HighNeedsForecast.Compute(inputs, ForecastOptions.Base, settings.Rag);
        var previous = await finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines)
            .Where(s => s.FinancialYear == inputs.Year && s.AsAt < inputs.AsAt).OrderByDescending(s => s.AsAt).FirstOrDefaultAsync(cancellationToken);
        var contributions = await new ForecastPartnerContributions(finance).ForAsync(forecast, cancellationToken);
        var snapshot = new BudgetSnapshot(forecast, takenBy, clock.GetCurrentInstant(), previous?.Lines.ToDictionary(l => l.S251Line, l => l.Rag), contributions);

        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        finance.BudgetSnapshots.Add(snapshot);
        await finance.SaveChangesAsync(cancellationToken); // a second taker fails here on the month's unique index
        await placements.WriteAsync(finance, snapshot.Id, forecast.Placements, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        finance.ChangeTracker.Clear();

        var alerts = snapshot.Alerts.Select(a => a.S251Line).ToList();
        return new(snapshot, true, $"Took the {month:MMMM yyyy} snapshot of {inputs.Year}: forecast {snapshot.Forecast} against a budget of {snapshot.Budget} " +
            $"({(snapshot.Variance.IsNegative ? "under by " + (-snapshot.Variance) : "over by " + snapshot.Variance)})" +
            (alerts.Count == 0 ? "." : $"; alert on {string.Join(", ", alerts)}."));
    }

    private Task<BudgetSnapshot?> ExistingAsync(YearMonth month, CancellationToken cancellationToken) =>
        finance.BudgetSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Month == month, cancellationToken);
}
