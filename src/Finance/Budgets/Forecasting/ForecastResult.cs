using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>One placement's part of the forecast.</summary>
/// <param name="AnnualRate">The annual top-up or fee (with extras) in force on the forecast date, or at its start if later.</param>
/// <param name="FullYear">What the placement costs in the year on today's data: its entitlement, or the agreement's expected amount.</param>
/// <param name="Actual">Approved payments for it in the year.</param>
/// <param name="Commitment">What is still to pay to 31 March (started placements); negative when more was paid than is due (a recovery).</param>
/// <param name="Pipeline">What it will cost this year once it starts (agreed not started, or proposed).</param>
/// <param name="ProjectedEnd">The end the forecast assumed: the known end, or the end of the academic year of the young person's last NCY.</param>
/// <param name="Problem">Why it could not be priced (e.g. its band has no amount for the year); it then counts only its actuals.</param>
public sealed record PlacementForecast(
    ForecastPlacement Placement, Money AnnualRate, Money FullYear, Money Actual, Money Commitment, Money Pipeline,
    LocalDate? ProjectedEnd, string? Problem)
{
    /// <summary>Actual + commitment + pipeline: what this placement adds to the forecast outturn.</summary>
    public Money Total => Actual + Commitment + Pipeline;
}

/// <summary>Where a line's forecast comes from.</summary>
public enum LineBasis
{
    /// <summary>Top-ups and fees: actuals, commitments and expected demand from the placements (1.2.1–1.2.3).</summary>
    Placements,
    /// <summary>Place funding (1.0.2): guaranteed for the year, worked out from the places commissioned.</summary>
    PlaceFunding,
    /// <summary>Not paid through Placements (services, hospital education, direct payments…): held at its budget.</summary>
    HeldAtBudget,
}

/// <summary>
/// The parts of a forecast outturn (domain.md §7): actuals + commitments + expected demand (the pipeline, and the
/// new-placements trend when included) + a scenario's fee rise = forecast.
/// </summary>
public sealed record ForecastFigures(Money Actual, Money Commitment, Money Pipeline, Money Trend, Money Uplift, bool TrendIncluded)
{
    public static ForecastFigures Zero(bool trendIncluded) => new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, trendIncluded);

    /// <summary>Pipeline + the trend when it is included.</summary>
    public Money ExpectedDemand => Pipeline + (TrendIncluded ? Trend : Money.Zero);

    public Money Forecast => Actual + Commitment + ExpectedDemand + Uplift;

    public ForecastFigures Plus(ForecastFigures other) =>
        new(Actual + other.Actual, Commitment + other.Commitment, Pipeline + other.Pipeline, Trend + other.Trend, Uplift + other.Uplift, TrendIncluded);

    public static ForecastFigures Sum(IEnumerable<ForecastFigures> figures, bool trendIncluded) =>
        figures.Aggregate(Zero(trendIncluded), (total, f) => total.Plus(f));
}

/// <summary>One s251 line: its budget, its forecast and how they compare.</summary>
public sealed record LineForecast(S251Line Line, LineBasis Basis, Money Budget, ForecastFigures Figures, RagStatus Rag)
{
    public Money Forecast => Figures.Forecast;

    /// <summary>Forecast − budget: positive is an overspend.</summary>
    public Money Variance => Forecast - Budget;

    /// <summary>Forecast as a percentage of budget (one decimal place), or null with no budget.</summary>
    public decimal? PercentOfBudget => Budget.Pence == 0 ? null : decimal.Round(Forecast.Pence * 100m / Budget.Pence, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The forecast for one provision type (budgets are set by line, so there is no budget here).</summary>
public sealed record ProvisionTypeForecast(ProvisionType ProvisionType, int Placements, ForecastFigures Figures);

/// <summary>
/// The new-placements trend for one s251 line and provision type: the placements that started in the 12 months to the
/// forecast date, assumed to go on starting at the same rate (grown by a scenario's percentage), each mid-month.
/// </summary>
public sealed record TrendLine(string S251Line, ProvisionType ProvisionType, int Starts, Money AnnualCostOfStarts, int MonthsOfStarts, Money Amount);

/// <summary>One month of the chart: the budget, actuals and forecast, each cumulative from 1 April.</summary>
/// <param name="CumulativeActual">Null after the forecast date's month.</param>
public sealed record ForecastMonth(YearMonth Month, Money CumulativeBudget, Money? CumulativeActual, Money CumulativeForecast);

/// <summary>A forecast outturn: per s251 line and per provision type, its placements, the trend and the monthly profile.</summary>
public sealed record HighNeedsForecastResult(
    FinancialYear Year, LocalDate AsAt, ForecastOptions Options, IReadOnlyList<LineForecast> Lines,
    IReadOnlyList<ProvisionTypeForecast> ProvisionTypes, IReadOnlyList<PlacementForecast> Placements, IReadOnlyList<TrendLine> Trend,
    IReadOnlyList<ForecastMonth> Profile)
{
    public Money Budget => Money.Sum(Lines.Select(l => l.Budget));

    public ForecastFigures Totals => ForecastFigures.Sum(Lines.Select(l => l.Figures), Options.IncludeTrend);

    public Money Forecast => Totals.Forecast;

    public Money Variance => Forecast - Budget;

    public LineForecast Line(string code) => Lines.Single(l => l.Line.Code == code);

    /// <summary>Placements that could not be priced, with why.</summary>
    public IEnumerable<PlacementForecast> Problems => Placements.Where(p => p.Problem is not null);
}
