using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// The council's settings that every top-up calculation reads: its band table, its term-dates calendar (for the
/// SchoolDays basis) and the month it started paying through this product.
/// </summary>
/// <param name="Bands">The top-up band table.</param>
/// <param name="TermCalendar">The council's term dates; only the SchoolDays basis reads it.</param>
/// <param name="GoLiveMonth">
/// The first month paid here. Entitlement before it was paid by the previous system, so it is never owed here: within
/// the go-live financial year the cumulative figure starts on the first day of this month.
/// </param>
public sealed record TopUpSettings(TopUpBandTable Bands, TermCalendar TermCalendar, YearMonth GoLiveMonth)
{
    /// <summary>The first day whose entitlement is paid here.</summary>
    public LocalDate GoLiveDate => GoLiveMonth.OnDayOfMonth(1);
}
