using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Tests.SchoolCalendar;

/// <summary>A calendar, a range to count in, and a day after which to split that range.</summary>
public sealed record CalendarAndRange(TermCalendar Calendar, DateInterval Range, LocalDate SplitAfter)
{
    public override string ToString() =>
        $"range {Range}, split after {SplitAfter:uuuu-MM-dd}; terms [{string.Join(", ", Calendar.Terms)}]; " +
        $"closures [{string.Join(", ", Calendar.Closures.Select(c => c.Date.ToString("uuuu-MM-dd", null)))}]";
}

/// <summary>FsCheck generators: dates 1990–2100, years 1900–2200, random but valid term calendars.</summary>
public static class SchoolCalendarArbitraries
{
    private static readonly LocalDate Earliest = new(1990, 1, 1);
    private static readonly int DaysToLatest = Period.DaysBetween(Earliest, new LocalDate(2100, 12, 31));

    private static Gen<LocalDate> DateGen => Gen.Choose(0, DaysToLatest).Select(Earliest.PlusDays);

    public static Arbitrary<LocalDate> LocalDates() => DateGen.ToArbitrary();

    public static Arbitrary<AcademicYear> AcademicYears() =>
        Gen.Choose(1900, 2200).Select(y => new AcademicYear(y)).ToArbitrary();

    public static Arbitrary<FinancialYear> FinancialYears() =>
        Gen.Choose(1900, 2200).Select(y => new FinancialYear(y)).ToArbitrary();

    /// <summary>Ranges from one day to about 30 years, all inside 1990–2100.</summary>
    public static Arbitrary<DateInterval> DateIntervals() =>
        (from start in DateGen
         from length in Gen.Frequency((3, Gen.Choose(1, 60)), (2, Gen.Choose(1, 800)), (1, Gen.Choose(1, 11000)))
         let end = start.PlusDays(length - 1)
         where end.Year <= 2100
         select new DateInterval(start, end)).ToArbitrary();

    /// <summary>
    /// A random calendar and a range of at least two days around it. Half the ranges start or end on (or next
    /// to) a term boundary or a closure, where off-by-one mistakes show.
    /// </summary>
    public static Arbitrary<CalendarAndRange> CalendarsAndRanges() =>
        (from calendar in Calendars
         let first = calendar.Terms.Count == 0 ? new LocalDate(2005, 1, 1) : calendar.Terms[0].Start
         let last = calendar.Terms.Count == 0 ? first.PlusDays(400) : calendar.Terms[^1].End
         let edges = calendar.Terms.SelectMany(t => new[] { t.Start, t.End })
             .Concat(calendar.Closures.Select(c => c.Date))
             .Append(first)
             .ToArray()
         let anyDay = Gen.Choose(-60, Period.DaysBetween(first, last) + 60).Select(first.PlusDays)
         let nearAnEdge = from edge in Gen.Elements(edges) from shift in Gen.Choose(-1, 1) select edge.PlusDays(shift)
         let endpoint = Gen.Frequency((1, anyDay), (1, nearAnEdge))
         from a in endpoint
         from b in endpoint.Where(b => b != a)
         let start = a < b ? a : b
         let end = a < b ? b : a
         from splitOffset in Gen.Choose(0, Period.DaysBetween(start, end) - 1)
         select new CalendarAndRange(calendar, new DateInterval(start, end), start.PlusDays(splitOffset)))
        .ToArbitrary();

    /// <summary>
    /// Up to 25 terms from 2000 onwards, each 1–70 days (cut short at the end of its academic year), starting
    /// the day after the previous one ends or up to 30 days later; closures on weekdays picked inside terms.
    /// </summary>
    private static Gen<TermCalendar> Calendars =>
        from firstStart in Gen.Choose(0, 1500).Select(new LocalDate(2000, 1, 1).PlusDays)
        from termCount in Gen.Choose(0, 25)
        from shapes in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 30), Gen.Choose(1, 70)), termCount)
        from closureCount in Gen.Choose(0, 3 * termCount)
        from closurePicks in Gen.ArrayOf(Gen.Choose(0, 1_000_000), closureCount)
        select Build(firstStart, shapes, closurePicks);

    private static TermCalendar Build(LocalDate firstStart, (int Gap, int Length)[] shapes, int[] closurePicks)
    {
        var terms = new List<Term>();
        var start = firstStart;
        foreach (var (gap, length) in shapes)
        {
            start = start.PlusDays(gap);
            var year = AcademicYear.For(start);
            var end = start.PlusDays(length - 1);
            if (end > year.End) end = year.End;
            terms.Add(new Term(year, start, end));
            start = end.PlusDays(1);
        }

        var closures = new Dictionary<LocalDate, SchoolClosure>();
        foreach (var pick in closurePicks)
        {
            var term = terms[pick % terms.Count];
            var date = term.Start.PlusDays(pick / terms.Count % term.Dates.Length);
            if (Weekdays.IsWeekday(date)) closures.TryAdd(date, new SchoolClosure(date, "INSET day"));
        }
        return new TermCalendar(terms, closures.Values);
    }
}
