using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets;

/// <summary>
/// One year of the DSG position, as DfE's high needs benchmarking shows it: outturn (final, or the forecast while the
/// year is open) against the High Needs allocation, the deficit carried forward, and spend per EHC plan and per head of
/// the 2–18 population, so a council can compare itself year on year.
/// </summary>
/// <param name="Outturn">The final outturn, or the forecast for an open year; null when neither is known.</param>
/// <param name="IsForecast">True while the year is open and <paramref name="Outturn"/> is the forecast.</param>
/// <param name="EhcPlans">EHC plans maintained (children with a plan and a placement) on the year's last day, or today in an open year.</param>
public sealed record DsgPositionYear(FinancialYear Year, Money Allocation, Money DeficitBroughtForward, Money? Outturn, bool IsForecast,
    int EhcPlans, int? Population2To18)
{
    /// <summary>Outturn as a percentage of the allocation (one decimal place).</summary>
    public decimal? PercentOfAllocation => Outturn is { } o ? decimal.Round(o.Pence * 100m / Allocation.Pence, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>Outturn − allocation: the year's addition to the deficit (negative: a surplus).</summary>
    public Money? InYearVariance => Outturn - Allocation;

    /// <summary>The deficit brought forward plus the year's variance.</summary>
    public Money? DeficitCarriedForward => DeficitBroughtForward + InYearVariance;

    /// <summary>Outturn ÷ EHC plans, rounded once, half away from zero; null without an outturn or plans.</summary>
    public Money? PerEhcPlan => Outturn is { } o && EhcPlans > 0 ? Per(o, EhcPlans) : null;

    /// <summary>Outturn ÷ the 2–18 population, rounded once, half away from zero; null without an outturn or population.</summary>
    public Money? PerHeadAged2To18 => Outturn is { } o && Population2To18 is { } n && n > 0 ? Per(o, n) : null;

    // An exact division: multiplying by 1/n rounded to 28 digits can fall just short of a half penny (1/12 = 0.0833…33).
    private static Money Per(Money amount, int count) =>
        Money.FromPence(ExactPence.Divide(amount.Pence, count, MoneyRounding.HalfAwayFromZero));
}

/// <summary>Reads the DSG years recorded, with the forecast standing in for an open year's outturn.</summary>
public sealed class DsgPosition(CommissioningDb commissioning, FinanceDb finance)
{
    /// <param name="openYear">The year being forecast and its forecast outturn, if any.</param>
    public async Task<IReadOnlyList<DsgPositionYear>> LoadAsync(LocalDate today, (FinancialYear Year, Money Forecast)? openYear, CancellationToken cancellationToken = default)
    {
        var years = await finance.DsgYears.AsNoTracking().OrderBy(d => d.FinancialYear).ToListAsync(cancellationToken);
        var result = new List<DsgPositionYear>();
        foreach (var d in years)
        {
            var day = d.FinancialYear.End < today ? d.FinancialYear.End : today;
            var plans = await commissioning.Children.AsNoTracking()
                .Where(c => c.EhcPlanIssued != null && c.EhcPlanIssued <= day)
                .Where(c => commissioning.Placements.Any(p => p.ChildId == c.Id && p.Status != Commissioning.Placements.PlacementStatus.Proposed
                                                             && p.Start <= day && (p.End == null || p.End >= day)))
                .CountAsync(cancellationToken);
            var forecast = openYear is { } open && open.Year == d.FinancialYear && d.Outturn is null ? open.Forecast : (Money?)null;
            result.Add(new DsgPositionYear(d.FinancialYear, d.HighNeedsAllocation, d.DeficitBroughtForward, d.Outturn ?? forecast, d.Outturn is null && forecast is not null,
                plans, d.Population2To18));
        }
        return result;
    }
}
