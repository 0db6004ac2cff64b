using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// A UK public-sector financial year: 1 April <see cref="StartYear"/> to 31 March the year after.
/// Budgets and payments are set per financial year. Written <c>2025/26</c>.
/// </summary>
/// <remarks>
/// Start years from 1900 to 2200 are supported. <c>default(FinancialYear)</c> bypasses that check and is
/// not a meaningful year.
/// </remarks>
/// <param name="StartYear">The calendar year in which the financial year starts (its April).</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="StartYear"/> is outside 1900–2200.</exception>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The calendar year in which the financial year starts (its April).</summary>
    public int StartYear { get; } = SchoolYears.CheckStartYear(StartYear, "financial year", nameof(StartYear));

    /// <summary>The financial year containing <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The financial year would start outside 1900–2200.</exception>
    public static FinancialYear For(LocalDate date)
    {
        SchoolYears.RequireIso(date, nameof(date));
        return new FinancialYear(date.Month >= 4 ? date.Year : date.Year - 1);
    }

    /// <summary>1 April of <see cref="StartYear"/>, the first day of the year.</summary>
    public LocalDate Start => new(StartYear, 4, 1);

    /// <summary>31 March of the year after <see cref="StartYear"/>, the last day of the year (inclusive).</summary>
    public LocalDate End => new(StartYear + 1, 3, 31);

    /// <summary>
    /// Every date of the year, from <see cref="Start"/> to <see cref="End"/>. Like every NodaTime
    /// <see cref="DateInterval"/>, it <em>includes</em> its end date: 31 March belongs to the year, so
    /// <c>Dates.Length</c> is <see cref="LengthInDays"/> and consecutive years meet without a gap or an overlap.
    /// </summary>
    public DateInterval Dates => new(Start, End);

    /// <summary>
    /// The number of days in the year: 366 when it contains a 29 February (e.g. 2023/24), otherwise 365.
    /// The denominator of calendar-day pro-rating.
    /// </summary>
    public int LengthInDays => Dates.Length;

    /// <summary>The financial year after this one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It would start after 2200.</exception>
    public FinancialYear Next() => new(StartYear + 1);

    /// <summary>The financial year before this one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It would start before 1900.</exception>
    public FinancialYear Previous() => new(StartYear - 1);

    /// <summary>Whether <paramref name="date"/> falls in this year, both ends included.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool Contains(LocalDate date) => Dates.Contains(SchoolYears.RequireIso(date, nameof(date)));

    /// <summary>
    /// How this year's place funding for a maintained school is made up from the place numbers of the two
    /// academic years it overlaps (5/12 and 7/12).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The earlier academic year would start before 1900.</exception>
    public PlaceFundingSplit PlaceFundingSplit() => SchoolCalendar.PlaceFundingSplit.For(this);

    /// <inheritdoc/>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same year as or earlier than <paramref name="right"/>.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same year as or later than <paramref name="right"/>.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    /// <summary>The year as councils write it: <c>2025/26</c> (and <c>1999/00</c> for 1999).</summary>
    public override string ToString() => SchoolYears.Format(StartYear);

    /// <summary>Reads the <see cref="ToString"/> form, exactly <c>YYYY/YY</c> with YY = (YYYY + 1) mod 100.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="text"/> is not in that form (e.g. <c>2025/27</c>, <c>2025-26</c>, <c>25/26</c>) or
    /// starts outside 1900–2200; the message shows the input and the expected form.
    /// </exception>
    public static FinancialYear Parse(string text) => new(SchoolYears.Parse(text, "financial year"));

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        var ok = SchoolYears.TryParse(text, out var startYear);
        year = ok ? new FinancialYear(startYear) : default;
        return ok;
    }
}
