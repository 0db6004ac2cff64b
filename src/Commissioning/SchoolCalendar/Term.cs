using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// A term or half-term of a school's year: the dates from <see cref="Start"/> to <see cref="End"/>
/// inclusive on which, Monday to Friday, the school is open unless a <see cref="SchoolClosure"/> says otherwise.
/// </summary>
/// <param name="Year">The academic year the term belongs to.</param>
/// <param name="Start">The first day of the term.</param>
/// <param name="End">The last day of the term (included).</param>
/// <exception cref="DomainRuleException">
/// <c>TermMustStartOnOrBeforeItsEnd</c> when <paramref name="End"/> is before <paramref name="Start"/>;
/// <c>TermMustLieInsideItsAcademicYear</c> when either date is outside <paramref name="Year"/>.
/// </exception>
/// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
public sealed record Term(AcademicYear Year, LocalDate Start, LocalDate End)
{
    /// <summary>The academic year the term belongs to.</summary>
    public AcademicYear Year { get; } = Checked(Year, Start, End);

    /// <summary>The first day of the term.</summary>
    public LocalDate Start { get; } = Start;

    /// <summary>The last day of the term (included).</summary>
    public LocalDate End { get; } = End;

    /// <summary>
    /// The term's dates, <see cref="Start"/> to <see cref="End"/>. Like every NodaTime
    /// <see cref="DateInterval"/> it includes its end date: a term published as "3 September to 24 October"
    /// has 24 October as a school day.
    /// </summary>
    public DateInterval Dates => new(Start, End);

    /// <inheritdoc/>
    public override string ToString() => $"{Year} term {Start:uuuu-MM-dd} to {End:uuuu-MM-dd}";

    private static AcademicYear Checked(AcademicYear year, LocalDate start, LocalDate end)
    {
        SchoolYears.RequireIso(start, nameof(Start));
        SchoolYears.RequireIso(end, nameof(End));
        if (end < start)
        {
            throw new DomainRuleException(
                "TermMustStartOnOrBeforeItsEnd",
                $"A term cannot end ({end:d MMMM uuuu}) before it starts ({start:d MMMM uuuu}).");
        }
        if (!year.Contains(start) || !year.Contains(end))
        {
            throw new DomainRuleException(
                "TermMustLieInsideItsAcademicYear",
                $"The term {start:d MMMM uuuu} to {end:d MMMM uuuu} is not inside academic year {year} " +
                $"({year.Start:d MMMM uuuu} to {year.End:d MMMM uuuu}).");
        }
        return year;
    }
}
