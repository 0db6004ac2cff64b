using System.Globalization;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Agreements.Calculation;

/// <summary>
/// One of an academic year's three invoicing terms: the calendar's terms and half-terms that start in its months
/// (autumn September–December, spring January–March, summer April–August), or for a 52-week placement those months outright.
/// </summary>
/// <param name="Name">E.g. "Autumn term 2026" (the calendar year it starts in).</param>
/// <param name="Dates">First day of its first term to last day of its last term (52-week: the whole months).</param>
/// <param name="Days">The days it counts: school days (closures excluded), or calendar days for a 52-week placement.</param>
public sealed record TermGroup(string Name, DateInterval Dates, int Days)
{
    private static readonly string[] Seasons = ["Autumn", "Spring", "Summer"];

    /// <summary>
    /// The year's three terms. Termly invoicing needs all three to have school days: an incomplete calendar would put
    /// the year's fee on the terms that are there.
    /// </summary>
    /// <exception cref="DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c>.</exception>
    public static IReadOnlyList<TermGroup> Of(AcademicYear year, TermCalendar calendar, bool residential52)
    {
        var y = year.StartYear;
        if (residential52)
        {
            return
            [
                Group(0, new DateInterval(new(y, 9, 1), new(y, 12, 31)), null),
                Group(1, new DateInterval(new(y + 1, 1, 1), new(y + 1, 3, 31)), null),
                Group(2, new DateInterval(new(y + 1, 4, 1), new(y + 1, 8, 31)), null),
            ];
        }
        var groups = new List<TermGroup>(3);
        for (var season = 0; season < 3; season++)
        {
            var terms = calendar.Terms.Where(t => t.Year == year && SeasonOf(t.Start) == season).ToList();
            var group = terms.Count == 0 ? null : Group(season, new DateInterval(terms[0].Start, terms[^1].End), calendar);
            if (group is null || group.Days == 0)
                throw new DomainRuleException("TermCalendarMustHaveSchoolDaysInTheYear",
                    $"The term calendar has no school days in the {Seasons[season].ToLowerInvariant()} term of {year}, " +
                    "so a termly fee cannot be shared over that year. Add the year's term dates.");
            groups.Add(group);
        }
        return groups;
    }

    private static TermGroup Group(int season, DateInterval dates, TermCalendar? calendar) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Seasons[season]} term {dates.Start.Year}"), dates,
            calendar is null ? dates.Length : calendar.CountSchoolDays(dates));

    /// <summary>0 autumn (September–December), 1 spring (January–March), 2 summer (April–August).</summary>
    private static int SeasonOf(LocalDate date) => date.Month switch { >= 9 => 0, <= 3 => 1, _ => 2 };
}
