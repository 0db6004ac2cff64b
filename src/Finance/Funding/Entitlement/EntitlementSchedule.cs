using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// One month of a placement's top-up schedule: the exact entitlement from the start of the financial year (or go-live)
/// to the month's last day, that figure rounded, and the month's amount = this rounded figure − the previous month's.
/// </summary>
public sealed record MonthEntitlement(YearMonth Month, ExactAmount Cumulative, Money RoundedCumulative, Money Amount);

/// <summary>
/// A placement's top-up month by month through one financial year (April to March). Rounding only the cumulative
/// figure means the months always add up to it, and a full year at a constant rate totals exactly the annual amount.
/// </summary>
public sealed record EntitlementSchedule(string PlacementReference, FinancialYear Year, IReadOnlyList<MonthEntitlement> Months)
{
    /// <summary>The year's entitlement, rounded: the sum of <see cref="Months"/>' amounts.</summary>
    public Money Total => Months[^1].RoundedCumulative;

    /// <summary>The month <paramref name="month"/> of the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside the financial year.</exception>
    public MonthEntitlement this[YearMonth month] =>
        Months.FirstOrDefault(m => m.Month == month)
        ?? throw new ArgumentOutOfRangeException(nameof(month), month, $"{month} is not in financial year {Year}.");
}
