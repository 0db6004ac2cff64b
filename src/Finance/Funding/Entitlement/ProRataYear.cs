using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// A pro-rata basis applied to one financial year, as whole-number weights over a common denominator: a day on roll at
/// annual amount A is worth A × weight(day) / <see cref="Denominator"/>. With integer weights, a year's entitlement is
/// one exact fraction whatever mix of months, rates and days it covers.
/// </summary>
/// <remarks>
/// Monthly: a day in a month of D days is worth A / 12 / D, so the denominator is 12 × L, where L is the least common
/// multiple of the year's month lengths, and each day weighs L / D (a whole month weighs L: A / 12).
/// CalendarDays: denominator = days in the year, each day weighs 1.
/// SchoolDays: denominator = school days in the year, each school day weighs 1 and any other day 0.
/// </remarks>
internal sealed class ProRataYear
{
    private readonly ProRataBasis basis;
    private readonly TermCalendar calendar;
    private readonly long monthsLcm;

    private ProRataYear(ProRataBasis basis, TermCalendar calendar, long monthsLcm, long denominator)
    {
        (this.basis, this.calendar, this.monthsLcm, Denominator) = (basis, calendar, monthsLcm, denominator);
    }

    /// <exception cref="DomainRuleException">
    /// <c>TermCalendarMustHaveSchoolDaysInTheYear</c>: SchoolDays pro-rating needs at least one school day.
    /// </exception>
    public static ProRataYear For(ProRataBasis basis, FinancialYear year, TermCalendar calendar)
    {
        // A financial year holds months of 30 and 31 days and one February of 28 or 29: lcm(28, 30, 31) = 13,020,
        // lcm(29, 30, 31) = 26,970.
        var monthsLcm = year.LengthInDays == 366 ? 26_970L : 13_020L;
        return basis switch
        {
            ProRataBasis.Monthly => new(basis, calendar, monthsLcm, 12 * monthsLcm),
            ProRataBasis.CalendarDays => new(basis, calendar, 0, year.LengthInDays),
            ProRataBasis.SchoolDays => calendar.CountSchoolDays(year) is var days and > 0
                ? new(basis, calendar, 0, days)
                : throw new DomainRuleException("TermCalendarMustHaveSchoolDaysInTheYear",
                    $"The term-dates calendar has no school days in {year}, so school-day top-ups cannot be worked out; add its terms."),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown pro-rata basis."),
        };
    }

    /// <summary>The common denominator of the year's day values.</summary>
    public long Denominator { get; }

    /// <summary>The total weight of the days from <paramref name="first"/> to <paramref name="last"/>, both included and in the year.</summary>
    public long Weight(LocalDate first, LocalDate last) => basis switch
    {
        ProRataBasis.Monthly => MonthlyWeight(first, last),
        ProRataBasis.CalendarDays => Period.DaysBetween(first, last) + 1,
        _ => calendar.CountSchoolDays(new DateInterval(first, last)),
    };

    private long MonthlyWeight(LocalDate first, LocalDate last)
    {
        long weight = 0;
        for (var from = first; from <= last;)
        {
            var daysInMonth = from.Calendar.GetDaysInMonth(from.Year, from.Month);
            var monthEnd = new LocalDate(from.Year, from.Month, daysInMonth);
            var to = monthEnd < last ? monthEnd : last;
            weight += (to.Day - from.Day + 1) * (monthsLcm / daysInMonth);
            from = to.PlusDays(1);
        }
        return weight;
    }
}
