using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// What a payment run owes a placement for one financial year: the rounded entitlement through the run month (capped at
/// the year's end) less what has already been paid for that year, split into the run month's own amount and the rest.
/// </summary>
/// <param name="Year">The year the money belongs to.</param>
/// <param name="Entitlement">The rounded cumulative entitlement for the year through the run month.</param>
/// <param name="AlreadyPaid">Everything paid for the year so far.</param>
/// <param name="TopUp">
/// The run month's own amount on today's data (rounded cumulative through the run month − through the month before);
/// zero for any year but the run month's, and zero when the run month was already paid (a repeated run).
/// </param>
/// <param name="Adjustment">The rest of what is owed: changes to earlier months. Negative is a recovery.</param>
public sealed record OwedForYear(FinancialYear Year, Money Entitlement, Money AlreadyPaid, Money TopUp, Money Adjustment)
{
    /// <summary>Entitlement − already paid = <see cref="TopUp"/> + <see cref="Adjustment"/>. Negative is a recovery.</summary>
    public Money Owed => Entitlement - AlreadyPaid;
}

/// <summary>
/// "Pay the difference, never edit the past" (domain.md §4): for a run month, each financial year's entitlement to date
/// less what was paid. A late leaver date or rate change comes out as an adjustment; a repeated run owes nothing.
/// </summary>
public static class TopUpOwed
{
    /// <summary>
    /// What is owed to <paramref name="placement"/> in the run for <paramref name="runMonth"/>, per financial year, earliest
    /// first: every year from the first counted day (go-live or start) to the run month's, and every year with payments
    /// (so a year whose days have all been taken away is recovered in full). Years owing nothing are included.
    /// </summary>
    /// <param name="placement">The placement, on today's data.</param>
    /// <param name="runMonth">The month the run covers; entitlement runs through its last day.</param>
    /// <param name="alreadyPaid">What has been paid per financial year; a missing year has had nothing.</param>
    /// <param name="settings">Bands, term calendar and go-live month.</param>
    /// <param name="lastMonthPaid">
    /// The latest run month already paid for this placement, if any. When the run month is on or before it, its own
    /// amount went out in that run, so a repeated or re-opened month owes only an <see cref="OwedForYear.Adjustment"/>
    /// (nothing at all if nothing changed) rather than a TopUp line netted off by an equal and opposite Adjustment.
    /// </param>
    /// <exception cref="TopUpAmountMissingException">Days on roll have no amount (every gap in the year is listed).</exception>
    /// <exception cref="Commissioning.DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c> (SchoolDays basis).</exception>
    public static IReadOnlyList<OwedForYear> For(TopUpPlacement placement, YearMonth runMonth,
        IReadOnlyDictionary<FinancialYear, Money> alreadyPaid, TopUpSettings settings, YearMonth? lastMonthPaid = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(alreadyPaid);
        ArgumentNullException.ThrowIfNull(settings);
        var runEnd = runMonth.OnDayOfMonth(runMonth.Calendar.GetDaysInMonth(runMonth.Year, runMonth.Month));
        var runYear = FinancialYear.For(runEnd);

        var years = new SortedSet<FinancialYear>(alreadyPaid.Keys);
        var firstCounted = settings.GoLiveDate > placement.Start ? settings.GoLiveDate : placement.Start;
        var lastCounted = placement.End is { } end && end < runEnd ? end : runEnd;
        for (var y = FinancialYear.For(firstCounted); firstCounted <= lastCounted && y <= FinancialYear.For(lastCounted); y = y.Next())
            years.Add(y);

        return years.Select(year =>
        {
            var entitlement = RoundedThrough(placement, year, runEnd, settings);
            var paid = alreadyPaid.GetValueOrDefault(year);
            var topUp = year == runYear && !(runMonth <= lastMonthPaid)
                ? entitlement - RoundedThrough(placement, year, runMonth.OnDayOfMonth(1).PlusDays(-1), settings)
                : Money.Zero;
            return new OwedForYear(year, entitlement, paid, topUp, entitlement - paid - topUp);
        }).ToArray();
    }

    /// <summary>The rounded entitlement for <paramref name="year"/> from its start through <paramref name="through"/>, capped at its end.</summary>
    private static Money RoundedThrough(TopUpPlacement placement, FinancialYear year, LocalDate through, TopUpSettings settings) =>
        through < year.Start
            ? Money.Zero
            : TopUpEntitlement.CumulativeThrough(placement, through > year.End ? year.End : through, settings).Rounded();
}
