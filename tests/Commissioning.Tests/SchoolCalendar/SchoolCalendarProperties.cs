using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

[Properties(Arbitrary = [typeof(SchoolCalendarArbitraries)], MaxTest = 300)]
public class SchoolCalendarProperties
{
    [Property]
    public void EveryDate_LiesInExactlyOneAcademicYear(LocalDate date)
    {
        var year = AcademicYear.For(date);

        Assert.True(year.Contains(date));
        Assert.True(year.Dates.Contains(date));
        Assert.True(year.Start <= date && date <= year.End);
        Assert.False(year.Previous().Contains(date));
        Assert.False(year.Next().Contains(date));
    }

    [Property]
    public void EveryDate_LiesInExactlyOneFinancialYear(LocalDate date)
    {
        var year = FinancialYear.For(date);

        Assert.True(year.Contains(date));
        Assert.True(year.Dates.Contains(date));
        Assert.True(year.Start <= date && date <= year.End);
        Assert.False(year.Previous().Contains(date));
        Assert.False(year.Next().Contains(date));
    }

    [Property]
    public void AcademicYears_FollowEachOtherWithoutGapOrOverlap(AcademicYear year)
    {
        Assert.Equal(year, AcademicYear.For(year.Start));
        Assert.Equal(year, AcademicYear.For(year.End));
        Assert.Equal(new LocalDate(year.StartYear + 1, 9, 1), year.End.PlusDays(1));
    }

    [Property]
    public void FinancialYears_FollowEachOtherWithoutGapOrOverlap(FinancialYear year)
    {
        Assert.Equal(year, FinancialYear.For(year.Start));
        Assert.Equal(year, FinancialYear.For(year.End));
        Assert.Equal(new LocalDate(year.StartYear + 1, 4, 1), year.End.PlusDays(1));
    }

    [Property]
    public void FinancialYearLength_Is366ExactlyWhenItHolds29February(FinancialYear year)
    {
        var holdsLeapDay = CalendarSystem.Iso.IsLeapYear(year.StartYear + 1);

        Assert.Equal(holdsLeapDay ? 366 : 365, year.LengthInDays);
        Assert.Equal(year.Dates.Length, year.LengthInDays);
        Assert.Equal(holdsLeapDay, year.Dates.Any(d => d is { Month: 2, Day: 29 }));
    }

    [Property]
    public void AcademicYear_ParseOfToString_GivesTheSameYear(AcademicYear year)
    {
        Assert.Equal(year, AcademicYear.Parse(year.ToString()));
        Assert.True(AcademicYear.TryParse(year.ToString(), out var parsed) && parsed == year);
    }

    [Property]
    public void FinancialYear_ParseOfToString_GivesTheSameYear(FinancialYear year)
    {
        Assert.Equal(year, FinancialYear.Parse(year.ToString()));
        Assert.True(FinancialYear.TryParse(year.ToString(), out var parsed) && parsed == year);
    }

    [Property]
    public void PlacesFunded_LiesBetweenTheTwoYearsPlacesAndIsExactInTwelfths(FinancialYear year, ushort earlier, ushort later)
    {
        // FY 1900/01 would need AY 1899/00, outside the supported range.
        var split = (year.StartYear == 1900 ? year.Next() : year).PlaceFundingSplit();
        int PlacesIn(AcademicYear ay) => ay == split.EarlierAcademicYear ? earlier : ay == split.LaterAcademicYear ? later : -1;

        var funded = split.PlacesFunded(PlacesIn);

        Assert.Equal(5L * earlier + 7L * later, split.FundedPlaceTwelfths(PlacesIn));
        Assert.InRange(funded, Math.Min(earlier, later), Math.Max(earlier, later));
        Assert.Equal((decimal)split.FundedPlaceTwelfths(PlacesIn), Math.Round(funded * 12));
    }

    [Property]
    public void WeekdayCount_AgreesWithCountingDayByDay(DateInterval dates)
    {
        var dayByDay = dates.Count(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));

        Assert.Equal(dayByDay, Weekdays.Count(dates));
    }

    [Property]
    public void SchoolDayCount_OfARange_IsTheSumOverItsTwoPartsSplitAtAnyDay(CalendarAndRange c)
    {
        var before = new DateInterval(c.Range.Start, c.SplitAfter);
        var after = new DateInterval(c.SplitAfter.PlusDays(1), c.Range.End);

        Assert.Equal(
            c.Calendar.CountSchoolDays(before) + c.Calendar.CountSchoolDays(after),
            c.Calendar.CountSchoolDays(c.Range));
    }

    [Property]
    public void SchoolDayCount_AgreesWithAskingIsSchoolDayForEachDay(CalendarAndRange c)
    {
        Assert.Equal(c.Range.Count(c.Calendar.IsSchoolDay), c.Calendar.CountSchoolDays(c.Range));
    }

    [Property]
    public void IsSchoolDay_IsAWeekdayInSomeTermThatIsNotAClosure(CalendarAndRange c)
    {
        foreach (var date in c.Range)
        {
            var expected = date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                && c.Calendar.Terms.Any(t => t.Start <= date && date <= t.End)
                && c.Calendar.Closures.All(closure => closure.Date != date);

            Assert.True(expected == c.Calendar.IsSchoolDay(date), $"{date:dddd uuuu-MM-dd}: expected {expected}");
        }
    }
}
