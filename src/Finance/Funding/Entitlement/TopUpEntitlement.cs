using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// Exact Element 3 top-up entitlement (domain.md §4): each day on roll is worth the annual amount in force that day
/// times the day's share under the provider's pro-rata basis, summed exactly within a financial year and rounded only
/// at the cumulative figure. Pure: no clock, no database.
/// </summary>
public static class TopUpEntitlement
{
    /// <summary>
    /// The placement's schedule for <paramref name="year"/>: for each month April–March, the exact cumulative
    /// entitlement through its last day, rounded, and the month's amount (the difference of rounded figures).
    /// Months before go-live or off roll have nothing.
    /// </summary>
    /// <exception cref="TopUpAmountMissingException">Days on roll in the year have no amount (all are listed).</exception>
    /// <exception cref="DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c> (SchoolDays basis).</exception>
    public static EntitlementSchedule Schedule(TopUpPlacement placement, FinancialYear year, TopUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(settings);
        var calculation = new YearCalculation(placement, year, settings);
        var months = new MonthEntitlement[12];
        var (numerator, previous) = (Int128.Zero, Money.Zero);
        for (var i = 0; i < 12; i++)
        {
            var month = new YearMonth(year.StartYear, 4).PlusMonths(i);
            numerator += calculation.Numerator(month.OnDayOfMonth(1), month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
            var cumulative = calculation.Exact(numerator);
            var rounded = cumulative.Rounded();
            months[i] = new MonthEntitlement(month, cumulative, rounded, rounded - previous);
            previous = rounded;
        }
        calculation.ThrowIfMissing();
        return new EntitlementSchedule(placement.Reference, year, months);
    }

    /// <summary>
    /// The exact entitlement from the start of <paramref name="through"/>'s financial year (or go-live, if later) to
    /// <paramref name="through"/> inclusive. Round it with <see cref="ExactAmount.Rounded"/>.
    /// </summary>
    /// <exception cref="TopUpAmountMissingException">Days on roll in that range have no amount (all are listed).</exception>
    /// <exception cref="DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c> (SchoolDays basis).</exception>
    public static ExactAmount CumulativeThrough(TopUpPlacement placement, LocalDate through, TopUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(settings);
        var year = FinancialYear.For(through);
        var calculation = new YearCalculation(placement, year, settings);
        var exact = calculation.Exact(calculation.Numerator(year.Start, through));
        calculation.ThrowIfMissing();
        return exact;
    }

    /// <summary>One placement in one financial year: the days that count and the pro-rata weights that value them.</summary>
    private sealed class YearCalculation
    {
        private readonly TopUpPlacement placement;
        private readonly FinancialYear year;
        private readonly TopUpSettings settings;
        private readonly LocalDate first;   // the first day that counts: on roll, in the year and not before go-live
        private readonly LocalDate last;    // the last such day; before `first` when none count
        private readonly List<MissingTopUpAmount> missing = [];
        private ProRataYear? proRata;       // made only when a day counts, so an empty calendar only matters if used

        public YearCalculation(TopUpPlacement placement, FinancialYear year, TopUpSettings settings)
        {
            (this.placement, this.year, this.settings) = (placement, year, settings);
            first = Max(Max(year.Start, settings.GoLiveDate), placement.Start);
            last = placement.End is { } end ? Min(year.End, end) : year.End;
        }

        private ProRataYear ProRata => proRata ??= ProRataYear.For(placement.Basis, year, settings.TermCalendar);

        /// <summary>The exact amount of <paramref name="numerator"/> over the year's denominator.</summary>
        public ExactAmount Exact(Int128 numerator) => numerator == 0 ? ExactAmount.Zero : new(numerator, ProRata.Denominator);

        /// <summary>Σ annual amount (pence) × weight over the counted days between <paramref name="from"/> and <paramref name="to"/>.</summary>
        public Int128 Numerator(LocalDate from, LocalDate to)
        {
            (from, to) = (Max(from, first), Min(to, last));
            if (to < from) return 0;
            var rows = placement.Funding;
            Int128 numerator = 0;
            if (rows.Count == 0 || from < rows[0].EffectiveFrom)
            {
                var uncovered = rows.Count == 0 ? to : Min(to, rows[0].EffectiveFrom.PlusDays(-1));
                Missing(null, from, uncovered);
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var pieceFrom = Max(from, rows[i].EffectiveFrom);
                var pieceTo = i + 1 < rows.Count ? Min(to, rows[i + 1].EffectiveFrom.PlusDays(-1)) : to;
                if (pieceTo < pieceFrom) continue;
                var annual = rows[i].AgreedAnnualAmount ?? settings.Bands.Find(placement.ProvisionType, rows[i].Band!, year);
                if (annual is { } amount) numerator += (Int128)amount.Pence * ProRata.Weight(pieceFrom, pieceTo);
                else Missing(rows[i].Band, pieceFrom, pieceTo);
            }
            return numerator;
        }

        public void ThrowIfMissing()
        {
            if (missing.Count > 0) throw new TopUpAmountMissingException(placement.Reference, missing);
        }

        // Pieces arrive in date order (month by month), so a gap that runs on from the last one extends it.
        private void Missing(string? band, LocalDate from, LocalDate to)
        {
            if (missing.Count > 0 && missing[^1] is var previous && previous.Band == band && previous.To.PlusDays(1) == from)
                missing[^1] = previous with { To = to };
            else
                missing.Add(new MissingTopUpAmount(year, band, from, to));
        }
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
