using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// A council's term-dates calendar: the terms (or half-terms) in which schools are open and the in-term
/// closures (INSET days, bank holidays). It answers "is this a school day?" and "how many school days are
/// there in this range?", the basis of school-day pro-rating (e.g. 18 of 194 school days).
/// </summary>
/// <remarks>
/// A school day is a Monday to Friday inside a term that is not a closure. Counting takes time logarithmic
/// in the number of terms and closures, whatever the length of the range: whole terms come from running
/// totals, part terms from <see cref="Weekdays.Count"/>, closures from a binary search. Instances are
/// immutable and safe to share between threads.
/// </remarks>
public sealed class TermCalendar
{
    private readonly Term[] terms;                 // sorted by start, hence also by end
    private readonly int[] weekdaysBeforeTerm;     // weekdaysBeforeTerm[i] = weekdays in terms[0..i)
    private readonly SchoolClosure[] closures;     // sorted by date
    private readonly LocalDate[] closureDates;     // closures[i].Date

    /// <summary>A calendar of the given terms and closures, in any order.</summary>
    /// <exception cref="ArgumentNullException">An argument or one of its items is null.</exception>
    /// <exception cref="DomainRuleException">
    /// <c>TermsMustNotOverlap</c> when two terms share a date;
    /// <c>ClosureMustBeASchoolDay</c> when a closure is a Saturday or Sunday or is outside every term;
    /// <c>ClosureMustNotBeRecordedTwice</c> when two closures have the same date.
    /// </exception>
    public TermCalendar(IEnumerable<Term> terms, IEnumerable<SchoolClosure> closures)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(closures);

        this.terms = [.. terms];
        foreach (var term in this.terms) ArgumentNullException.ThrowIfNull(term, nameof(terms));
        Array.Sort(this.terms, (a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < this.terms.Length; i++)
        {
            var (earlier, later) = (this.terms[i - 1], this.terms[i]);
            if (later.Start <= earlier.End)
            {
                throw new DomainRuleException(
                    "TermsMustNotOverlap",
                    $"The terms {earlier.Start:d MMMM uuuu} to {earlier.End:d MMMM uuuu} and " +
                    $"{later.Start:d MMMM uuuu} to {later.End:d MMMM uuuu} overlap.");
            }
        }

        weekdaysBeforeTerm = new int[this.terms.Length + 1];
        for (var i = 0; i < this.terms.Length; i++)
        {
            weekdaysBeforeTerm[i + 1] = weekdaysBeforeTerm[i] + Weekdays.Between(this.terms[i].Start, this.terms[i].End);
        }

        this.closures = [.. closures];
        foreach (var closure in this.closures) ArgumentNullException.ThrowIfNull(closure, nameof(closures));
        Array.Sort(this.closures, (a, b) => a.Date.CompareTo(b.Date));
        closureDates = Array.ConvertAll(this.closures, c => c.Date);
        for (var i = 0; i < this.closures.Length; i++)
        {
            var closure = this.closures[i];
            if (!Weekdays.IsWeekday(closure.Date) || TermContaining(closure.Date) is null)
            {
                throw new DomainRuleException(
                    "ClosureMustBeASchoolDay",
                    $"The closure on {closure.Date:dddd d MMMM uuuu} ({closure.Reason}) is not a weekday in term, " +
                    "so the school is closed that day anyway.");
            }
            if (i > 0 && closureDates[i - 1] == closure.Date)
            {
                throw new DomainRuleException(
                    "ClosureMustNotBeRecordedTwice",
                    $"{closure.Date:d MMMM uuuu} is recorded as a closure twice " +
                    $"({this.closures[i - 1].Reason}; {closure.Reason}).");
            }
        }

        Terms = Array.AsReadOnly(this.terms);
        Closures = Array.AsReadOnly(this.closures);
    }

    /// <summary>A calendar with no terms: no date is a school day.</summary>
    public static TermCalendar Empty { get; } = new([], []);

    /// <summary>The terms, earliest first.</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>The closures, earliest first.</summary>
    public IReadOnlyList<SchoolClosure> Closures { get; }

    /// <summary>Whether <paramref name="date"/> is a Monday to Friday inside a term and not a closure.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsSchoolDay(LocalDate date)
    {
        SchoolYears.RequireIso(date, nameof(date));
        return Weekdays.IsWeekday(date)
            && TermContaining(date) is not null
            && Array.BinarySearch(closureDates, date) < 0;
    }

    /// <summary>
    /// The number of school days in <paramref name="range"/>, both ends included (as every
    /// <see cref="DateInterval"/> includes its end), so that counts of adjacent ranges add up.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="range"/> is not in the ISO calendar.</exception>
    public int CountSchoolDays(DateInterval range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var (from, to) = (SchoolYears.RequireIso(range.Start, nameof(range)), range.End);

        var first = CountWhere(terms.Length, i => terms[i].End < from);       // first term ending on or after `from`
        var last = CountWhere(terms.Length, i => terms[i].Start <= to) - 1;   // last term starting on or before `to`
        int weekdaysInTerm;
        if (first > last)
        {
            weekdaysInTerm = 0;
        }
        else if (first == last)
        {
            weekdaysInTerm = Weekdays.Between(Max(from, terms[first].Start), Min(to, terms[first].End));
        }
        else
        {
            weekdaysInTerm = Weekdays.Between(Max(from, terms[first].Start), terms[first].End)
                + (weekdaysBeforeTerm[last] - weekdaysBeforeTerm[first + 1])
                + Weekdays.Between(terms[last].Start, Min(to, terms[last].End));
        }

        // Every closure is a weekday in term (checked when built), so each one in range removes exactly one day.
        var closuresInRange = CountWhere(closureDates.Length, i => closureDates[i] <= to)
                            - CountWhere(closureDates.Length, i => closureDates[i] < from);
        return weekdaysInTerm - closuresInRange;
    }

    /// <summary>The number of school days in <paramref name="year"/>, 1 April to 31 March inclusive.</summary>
    public int CountSchoolDays(FinancialYear year) => CountSchoolDays(year.Dates);

    /// <summary>The number of school days in <paramref name="year"/>, 1 September to 31 August inclusive.</summary>
    public int CountSchoolDays(AcademicYear year) => CountSchoolDays(year.Dates);

    private Term? TermContaining(LocalDate date)
    {
        var i = CountWhere(terms.Length, j => terms[j].End < date);
        return i < terms.Length && terms[i].Start <= date ? terms[i] : null;
    }

    /// <summary>
    /// The number of leading indexes in [0, <paramref name="length"/>) for which <paramref name="holds"/> is
    /// true, by binary search; <paramref name="holds"/> must be true up to some index and false after it.
    /// </summary>
    private static int CountWhere(int length, Func<int, bool> holds)
    {
        var (lo, hi) = (0, length);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (holds(mid)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
