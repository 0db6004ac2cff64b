using System.Globalization;
using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// What <see cref="AcademicYear"/> and <see cref="FinancialYear"/> share: the supported range of
/// start years, the <c>YYYY/YY</c> text form and the ISO-calendar check.
/// </summary>
internal static class SchoolYears
{
    internal const int MinStartYear = 1900;
    internal const int MaxStartYear = 2200;

    internal static int CheckStartYear(int startYear, string kind, string paramName) =>
        startYear is >= MinStartYear and <= MaxStartYear
            ? startYear
            : throw new ArgumentOutOfRangeException(
                paramName, startYear,
                $"A {kind} must start in a year from {MinStartYear} to {MaxStartYear}.");

    internal static string Format(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}/{(startYear + 1) % 100:D2}");

    /// <summary>Reads exactly <c>YYYY/YY</c> where YY = (YYYY + 1) mod 100 and YYYY is in range.</summary>
    internal static bool TryParse(string? text, out int startYear)
    {
        startYear = 0;
        if (text is not { Length: 7 } || text[4] != '/') return false;
        for (var i = 0; i < 7; i++)
        {
            if (i != 4 && !char.IsAsciiDigit(text[i])) return false;
        }
        var first = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var second = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (second != (first + 1) % 100 || first is < MinStartYear or > MaxStartYear) return false;
        startYear = first;
        return true;
    }

    internal static int Parse(string text, string kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var startYear)
            ? startYear
            : throw new FormatException(
                $"'{text}' is not a {kind}: expected YYYY/YY, the start year and the last two digits " +
                $"of the next year (e.g. 2025/26), with a start year from {MinStartYear} to {MaxStartYear}.");
    }

    internal static LocalDate RequireIso(LocalDate date, string paramName) =>
        date.Calendar == CalendarSystem.Iso
            ? date
            : throw new ArgumentException(
                $"School calendars use ISO dates; {date} is in the {date.Calendar.Id} calendar.", paramName);
}
