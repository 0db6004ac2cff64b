using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// An English school academic year: 1 September <see cref="StartYear"/> to 31 August the year after.
/// Place numbers are set per academic year. Written <c>2025/26</c>.
/// </summary>
/// <remarks>
/// Start years from 1900 to 2200 are supported. <c>default(AcademicYear)</c> bypasses that check and is
/// not a meaningful year.
/// </remarks>
/// <param name="StartYear">The calendar year in which the academic year starts (its September).</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="StartYear"/> is outside 1900–2200.</exception>
public readonly record struct AcademicYear(int StartYear) : IComparable<AcademicYear>
{
    /// <summary>The calendar year in which the academic year starts (its September).</summary>
    public int StartYear { get; } = SchoolYears.CheckStartYear(StartYear, "academic year", nameof(StartYear));

    /// <summary>The academic year containing <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The academic year would start outside 1900–2200.</exception>
    public static AcademicYear For(LocalDate date)
    {
        SchoolYears.RequireIso(date, nameof(date));
        return new AcademicYear(date.Month >= 9 ? date.Year : date.Year - 1);
    }

    /// <summary>1 September of <see cref="StartYear"/>, the first day of the year.</summary>
    public LocalDate Start => new(StartYear, 9, 1);

    /// <summary>31 August of the year after <see cref="StartYear"/>, the last day of the year (inclusive).</summary>
    public LocalDate End => new(StartYear + 1, 8, 31);

    /// <summary>
    /// Every date of the year, from <see cref="Start"/> to <see cref="End"/>. Like every NodaTime
    /// <see cref="DateInterval"/>, it <em>includes</em> its end date: 31 August belongs to the year, so
    /// <c>Dates.Length</c> is the number of days in the year (365 or 366) and consecutive years meet
    /// without a gap or an overlap.
    /// </summary>
    public DateInterval Dates => new(Start, End);

    /// <summary>The academic year after this one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It would start after 2200.</exception>
    public AcademicYear Next() => new(StartYear + 1);

    /// <summary>The academic year before this one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It would start before 1900.</exception>
    public AcademicYear Previous() => new(StartYear - 1);

    /// <summary>Whether <paramref name="date"/> falls in this year, both ends included.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool Contains(LocalDate date) => Dates.Contains(SchoolYears.RequireIso(date, nameof(date)));

    /// <inheritdoc/>
    public int CompareTo(AcademicYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(AcademicYear left, AcademicYear right) => left.StartYear < right.StartYear;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(AcademicYear left, AcademicYear right) => left.StartYear > right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same year as or earlier than <paramref name="right"/>.</summary>
    public static bool operator <=(AcademicYear left, AcademicYear right) => left.StartYear <= right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same year as or later than <paramref name="right"/>.</summary>
    public static bool operator >=(AcademicYear left, AcademicYear right) => left.StartYear >= right.StartYear;

    /// <summary>The year as English schools write it: <c>2025/26</c> (and <c>1999/00</c> for 1999).</summary>
    public override string ToString() => SchoolYears.Format(StartYear);

    /// <summary>Reads the <see cref="ToString"/> form, exactly <c>YYYY/YY</c> with YY = (YYYY + 1) mod 100.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="text"/> is not in that form (e.g. <c>2025/27</c>, <c>2025-26</c>, <c>25/26</c>) or
    /// starts outside 1900–2200; the message shows the input and the expected form.
    /// </exception>
    public static AcademicYear Parse(string text) => new(SchoolYears.Parse(text, "academic year"));

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out AcademicYear year)
    {
        var ok = SchoolYears.TryParse(text, out var startYear);
        year = ok ? new AcademicYear(startYear) : default;
        return ok;
    }
}
