using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>
/// The date a year's counts are taken: the third Thursday of January in the academic year, the day the
/// spring school census and the SEN2 return count children. Counting every year on the same kind of day
/// makes years comparable and lets planning figures be reconciled with the statutory returns.
/// </summary>
public static class CensusDate
{
    /// <summary>The third Thursday of January of <paramref name="year"/> (2025/26 → 15 January 2026).</summary>
    public static LocalDate For(AcademicYear year)
    {
        var firstOfJanuary = new LocalDate(year.StartYear + 1, 1, 1);
        var firstThursday = firstOfJanuary.DayOfWeek == IsoDayOfWeek.Thursday
            ? firstOfJanuary
            : firstOfJanuary.Next(IsoDayOfWeek.Thursday);
        return firstThursday.PlusWeeks(2);
    }

    /// <summary>"15 January 2026": dates in planning text are English whatever the server's culture.</summary>
    internal static string Describe(LocalDate date) => date.ToString("d MMMM uuuu", EnglishDates);

    private static readonly System.Globalization.CultureInfo EnglishDates = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
}
