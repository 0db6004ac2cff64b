using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>
/// Everything the forecast for one financial year reads, as plain values: the placements with what they have been paid,
/// the band table and term calendar, the budget by s251 line, the council's place funding, the starts the trend is
/// measured from and the monthly actuals for the chart. Loaded by <see cref="LoadForecastInputs"/>; built by hand in tests.
/// </summary>
/// <param name="Year">The financial year forecast.</param>
/// <param name="AsAt">The forecast date: actuals are what was approved by then, commitments run from then to 31 March.</param>
/// <param name="Budgets">The budget of each s251 line for the year; a line without one has a budget of zero.</param>
/// <param name="PlaceFunding">The council's own place funding for the year (s251 1.0.2), or null when it was not worked out.</param>
public sealed record ForecastInputs(
    FinancialYear Year,
    LocalDate AsAt,
    IReadOnlyList<ForecastPlacement> Placements,
    TopUpSettings TopUpSettings,
    IReadOnlyDictionary<string, Money> Budgets,
    Money? PlaceFunding,
    IReadOnlyList<PlacementStart> RecentStarts,
    IReadOnlyList<MonthlyActual> MonthlyActuals);

/// <summary>RAG thresholds as a percentage of a line's budget: above <paramref name="RedAbovePercent"/> is red, above <paramref name="AmberAbovePercent"/> amber.</summary>
public sealed record RagThresholds(decimal AmberAbovePercent = 98m, decimal RedAbovePercent = 100m)
{
    public static RagThresholds Default { get; } = new();

    /// <summary>The status of a forecast against its budget. A line with no budget is red as soon as anything is forecast on it.</summary>
    public RagStatus Of(Money forecast, Money budget)
    {
        if (budget.Pence <= 0) return forecast.Pence > 0 ? RagStatus.Red : RagStatus.Green;
        var percent = forecast.Pence * 100m / budget.Pence;
        return percent > RedAbovePercent ? RagStatus.Red : percent > AmberAbovePercent ? RagStatus.Amber : RagStatus.Green;
    }
}

/// <summary>Red: forecast to overspend; amber: close to it; green: within budget.</summary>
public enum RagStatus { Green, Amber, Red }

/// <summary>
/// How to forecast: whether the new-placements trend counts towards the forecast (it is always shown), and a scenario's
/// changes — new placements growing by <paramref name="GrowthPercent"/>, fees and top-ups rising by
/// <paramref name="FeeRisePercent"/> from 1 April (back-dated to the start of the year when forecasting this year).
/// </summary>
public sealed record ForecastOptions(bool IncludeTrend = true, decimal GrowthPercent = 0m, decimal FeeRisePercent = 0m)
{
    public static ForecastOptions Base { get; } = new();

    public bool IsScenario => GrowthPercent != 0m || FeeRisePercent != 0m;
}
