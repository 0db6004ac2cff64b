using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>Counting Monday-to-Friday dates without walking through them.</summary>
public static class Weekdays
{
    /// <summary>
    /// The number of Mondays to Fridays in <paramref name="dates"/>, both ends included (as every
    /// <see cref="DateInterval"/> includes its end). Constant time, whatever the length of the range.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dates"/> is not in the ISO calendar.</exception>
    public static int Count(DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        SchoolYears.RequireIso(dates.Start, nameof(dates));
        return Between(dates.Start, dates.End);
    }

    /// <summary>Whether <paramref name="date"/> is a Monday to Friday.</summary>
    public static bool IsWeekday(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    /// <summary>Mondays to Fridays from <paramref name="first"/> to <paramref name="last"/> inclusive; 0 when last is before first.</summary>
    internal static int Between(LocalDate first, LocalDate last)
    {
        if (last < first) return 0;
        var days = Period.DaysBetween(first, last) + 1;
        var (fullWeeks, rest) = Math.DivRem(days, 7);
        // The `rest` days left over run from first's weekday: s = 0 (Monday) … 6 (Sunday). Those up to
        // Friday count, then any that wrap past Sunday into the next week.
        var s = (int)first.DayOfWeek - 1;
        return fullWeeks * 5 + Math.Max(0, Math.Min(rest, 5 - s)) + Math.Max(0, s + rest - 7);
    }
}
