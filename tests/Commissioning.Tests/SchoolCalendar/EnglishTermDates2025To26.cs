using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Tests.SchoolCalendar;

/// <summary>
/// A typical English council's 2025/26 term dates: six half-terms, an INSET day on the first day back
/// in January and the early May bank holiday, which falls in the summer term.
/// Weekdays per half-term: 38 + 35 + 30 + 25 + 30 + 38 = 196; less 2 closures = 194 school days.
/// </summary>
internal static class EnglishTermDates2025To26
{
    private static readonly AcademicYear Year = new(2025);

    public static readonly SchoolClosure InsetDay = new(new LocalDate(2026, 1, 5), "INSET day");
    public static readonly SchoolClosure EarlyMayBankHoliday = new(new LocalDate(2026, 5, 4), "Early May bank holiday");

    public static Term[] HalfTerms =>
    [
        new(Year, new LocalDate(2025, 9, 3), new LocalDate(2025, 10, 24)),
        new(Year, new LocalDate(2025, 11, 3), new LocalDate(2025, 12, 19)),
        new(Year, new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 13)),
        new(Year, new LocalDate(2026, 2, 23), new LocalDate(2026, 3, 27)),
        new(Year, new LocalDate(2026, 4, 13), new LocalDate(2026, 5, 22)),
        new(Year, new LocalDate(2026, 6, 1), new LocalDate(2026, 7, 22)),
    ];

    public static TermCalendar Calendar { get; } = new(HalfTerms, [InsetDay, EarlyMayBankHoliday]);
}
