using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>
/// The forecast outturn of a financial year on a date (domain.md §7), and a scenario beside it: loads the inputs once,
/// computes the base forecast and, when asked, the scenario over the same inputs, so neither is saved over the other.
/// </summary>
public sealed class ForecastOutturn(LoadForecastInputs inputs)
{
    public async Task<HighNeedsForecastResult> ForecastAsync(FinancialYear year, LocalDate asAt, ForecastOptions options, BudgetSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return HighNeedsForecast.Compute(await inputs.LoadAsync(year, asAt, settings, cancellationToken), options, settings.Rag);
    }

    /// <summary>The base forecast (no growth, no fee rise) and the scenario's, side by side.</summary>
    public async Task<(HighNeedsForecastResult Base, HighNeedsForecastResult Scenario)> CompareAsync(FinancialYear year, LocalDate asAt,
        ForecastOptions scenario, BudgetSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var loaded = await inputs.LoadAsync(year, asAt, settings, cancellationToken);
        var baseOptions = scenario with { GrowthPercent = 0m, FeeRisePercent = 0m };
        return (HighNeedsForecast.Compute(loaded, baseOptions, settings.Rag), HighNeedsForecast.Compute(loaded, scenario, settings.Rag));
    }
}
