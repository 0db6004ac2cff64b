using System.Globalization;
using NodaTime;

namespace Placements.Web.Pages.Shared;

/// <summary>
/// The three boxes of a GOV.UK date input (day, month, year), bound as text so a half-typed date comes back to
/// the person as they typed it, with a message saying what is wrong.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(LocalDate? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <summary>The date, or null with <paramref name="error"/> saying why (GOV.UK wording, naming <paramref name="what"/>).</summary>
    public LocalDate? Parse(string what, out string? error)
    {
        error = null;
        if (IsEmpty) { error = $"Enter the {what}"; return null; }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0) { error = $"The {what} must include a {string.Join(" and ", missing)}"; return null; }
        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            error = $"The {what} must be a real date";
            return null;
        }
        return new LocalDate(year, month, day);
    }
}

/// <summary>What the date-input partial draws: the field's name (its boxes are <c>{Name}.Day</c> …), legend, hint and error.</summary>
public sealed record DateInputView(string Name, string Legend, DateInput Value, string? Error, string? Hint = "For example, 1 9 2026");
