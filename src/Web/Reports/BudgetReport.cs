using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Hosting;

namespace Placements.Web.Reports;

/// <summary>
/// Everything the monitoring page, the monthly PDF report and the Excel export show, loaded once, so the three always
/// agree: the forecast (base, or a scenario), last month's snapshot and the movement since, the commentary (notes of the
/// month's snapshot, or last month's), the DSG position, and the contributions expected from health and social care.
/// </summary>
public sealed record BudgetReport(
    string CouncilName, HighNeedsForecastResult Forecast, BudgetSnapshot? Previous, ForecastMovementResult? Movement,
    IReadOnlyList<BudgetSnapshotNote> Notes, IReadOnlyList<DsgPositionYear> Dsg, ContributionsForecast? Contributions = null);

/// <summary>Loads a <see cref="BudgetReport"/> for a year on a date.</summary>
public sealed class BudgetReportLoader(
    ForecastOutturn outturn, BudgetMonitoringQueries queries, DsgPosition dsg, ForecastPartnerContributions contributions, BudgetSettings settings,
    CouncilSettings council)
{
    public async Task<BudgetReport> LoadAsync(FinancialYear year, LocalDate asAt, ForecastOptions options, CancellationToken cancellationToken = default)
    {
        var forecast = await outturn.ForecastAsync(year, asAt, options, settings, cancellationToken);
        var previous = await queries.PreviousSnapshotAsync(year, asAt, cancellationToken);
        var movement = previous is null ? null : await queries.MovementSinceAsync(previous, forecast, cancellationToken);
        var own = await queries.SnapshotAsync(asAt.ToYearMonth(), cancellationToken);
        var notes = (own ?? previous)?.Notes.OrderBy(n => BudgetMonitoringQueries.S251Order(n.S251Line)).ThenBy(n => n.WrittenAt).ToList() ?? [];
        var position = await dsg.LoadAsync(asAt, (year, forecast.Forecast), cancellationToken);
        var partners = await contributions.ForAsync(forecast, cancellationToken);
        return new BudgetReport(council.Name, forecast, previous, movement, notes, position, partners);
    }
}
