using System.Numerics;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>
/// The cost of new placements not yet known, from the trend of the last 12 months (domain.md §7, "trend of new
/// placements"). Pure. For each s251 line and provision type, the placements that started in the 12 months to the
/// forecast date, S of them costing C a year in all, are assumed to go on starting at the same rate, S/12 a month, at
/// their average cost, each in the middle of its month. Over the n whole months left in the year after the forecast
/// date's month, a start in the k-th costs C/S × (n − k + ½)/12, so the year's trend is
/// <c>C × n² / 288</c>. For a year that has not begun, the starts in the months before it run the whole year
/// (<c>C × gap / 12</c>) and n is 12. A growth scenario multiplies it by (1 + x%). Rounded half away from zero.
/// </summary>
/// <example>24 starts in the last 12 months at £12,000 each (C = £288,000) with 4 months left: £288,000 × 16 / 288 = £16,000.</example>
public static class NewPlacementTrend
{
    public static IReadOnlyList<TrendLine> For(IEnumerable<PlacementStart> starts, LocalDate asAt, FinancialYear year, decimal growthPercent = 0m)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var (monthsLeft, monthsBefore) = Months(asAt, year);
        var windowStart = asAt.PlusMonths(-12);
        return starts.Where(s => s.Start > windowStart && s.Start <= asAt)
            .GroupBy(s => (s.S251Line, s.ProvisionType))
            .OrderBy(g => g.Key.S251Line, StringComparer.Ordinal).ThenBy(g => g.Key.ProvisionType)
            .Select(g =>
            {
                var cost = Money.Sum(g.Select(s => s.AnnualCost));
                // C × (n² / 288 + gap / 12) × (1 + growth%) = C × (n² + 24 × gap) × (100 + growth) / 28,800, divided exactly:
                // 1/288 is no finite decimal, and a factor rounded to 28 digits would round a half penny down.
                var (numerator, scale) = ExactPence.Decompose((monthsLeft * monthsLeft + 24m * monthsBefore) * (100m + growthPercent));
                var amount = numerator.Sign <= 0 ? Money.Zero
                    : Money.FromPence(ExactPence.Divide(cost.Pence * numerator, 28_800 * BigInteger.Pow(10, scale), MoneyRounding.HalfAwayFromZero));
                return new TrendLine(g.Key.S251Line, g.Key.ProvisionType, g.Count(), cost, monthsLeft + monthsBefore, amount);
            })
            .ToList();
    }

    /// <summary>
    /// The whole months of <paramref name="year"/> after the forecast date's month, and the whole months before the year
    /// begins (also after that month) when it has not begun yet.
    /// </summary>
    public static (int Left, int Before) Months(LocalDate asAt, FinancialYear year)
    {
        var next = asAt.ToYearMonth().PlusMonths(1);
        var first = new YearMonth(year.StartYear, 4);
        var last = new YearMonth(year.StartYear + 1, 3);
        if (next > last) return (0, 0);
        if (next >= first) return (MonthsBetween(next, last) + 1, 0);
        return (12, MonthsBetween(next, first));
    }

    private static int MonthsBetween(YearMonth from, YearMonth to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
