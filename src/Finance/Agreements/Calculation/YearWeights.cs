using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Agreements.Calculation;

/// <summary>
/// How an agreement weighs the days of one academic year: every day is worth <see cref="Weight"/> ÷ <see cref="Denominator"/>
/// of the annual amount. One common denominator per year (12 × the months' day counts' LCM, the year's school days, or
/// 3 × the terms' day counts' LCM) keeps the cumulative sum an exact fraction whose year total is exactly 1.
/// </summary>
internal sealed class YearWeights
{
    private readonly Func<LocalDate, long> weight;

    private YearWeights(AcademicYear year, long denominator, Func<LocalDate, long> weight, IReadOnlyList<TermGroup> groups, string unit)
    {
        (Year, Denominator, this.weight, Groups, Unit) = (year, denominator, weight, groups, unit);
    }

    public AcademicYear Year { get; }
    public long Denominator { get; }
    /// <summary>The three terms (termly pattern), else empty.</summary>
    public IReadOnlyList<TermGroup> Groups { get; }
    /// <summary>"days" or "school days": what the year counts.</summary>
    public string Unit { get; }

    /// <summary>The day's share of the annual amount, over <see cref="Denominator"/>; 0 when the day does not count.</summary>
    public long Weight(LocalDate date) => weight(date);

    /// <summary>The weights of <paramref name="year"/> under <paramref name="terms"/>.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c> (termly, not 52-week).</exception>
    public static YearWeights For(AgreementTerms terms, AcademicYear year, TermCalendar calendar)
    {
        if (terms.Invoicing == InvoicingPattern.MonthlyInArrears)
        {
            var lcm = Enumerable.Range(0, 12).Select(m => (long)DaysIn(new YearMonth(year.StartYear, 9).PlusMonths(m))).Aggregate(1L, Lcm);
            var denominator = 12 * lcm;
            return new(year, denominator, d => denominator / (12L * DaysIn(d.ToYearMonth())), [], "days");
        }

        var residential = terms.Attendance == Attendance.Residential52;
        var groups = TermGroup.Of(year, calendar, residential);
        Func<LocalDate, bool> counts = residential ? _ => true : calendar.IsSchoolDay;
        var unit = residential ? "days" : "school days";
        if (terms.TermSplit == TermSplit.SchoolDays)
            return new(year, groups.Sum(g => (long)g.Days), d => counts(d) ? 1 : 0, groups, unit);

        var common = groups.Select(g => 3L * g.Days).Aggregate(1L, Lcm);
        return new(year, common, d =>
        {
            if (!counts(d)) return 0;
            var group = groups.FirstOrDefault(g => g.Dates.Contains(d));
            return group is null ? 0 : common / (3L * group.Days);
        }, groups, unit);
    }

    /// <summary>The group containing <paramref name="period"/> entirely, if any.</summary>
    public TermGroup? GroupContaining(DateInterval period) =>
        Groups.FirstOrDefault(g => g.Dates.Contains(period.Start) && g.Dates.Contains(period.End));

    public static int DaysIn(YearMonth month) => month.Calendar.GetDaysInMonth(month.Year, month.Month);

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
