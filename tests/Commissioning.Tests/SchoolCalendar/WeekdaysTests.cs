using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

public class WeekdaysTests
{
    [Theory]
    [InlineData(2025, 9, 1, 2025, 9, 7, 5)]    // Monday to Sunday
    [InlineData(2025, 9, 6, 2025, 9, 7, 0)]    // a weekend
    [InlineData(2025, 9, 5, 2025, 9, 8, 2)]    // Friday to Monday
    [InlineData(2025, 9, 3, 2025, 9, 3, 1)]    // one Wednesday
    [InlineData(2025, 9, 7, 2025, 9, 12, 5)]   // Sunday to Friday
    [InlineData(2025, 1, 1, 2025, 12, 31, 261)] // 2025 starts on a Wednesday: 52 weeks + Wed
    [InlineData(2024, 1, 1, 2024, 12, 31, 262)] // leap 2024 starts on a Monday: 52 weeks + Mon, Tue
    public void Count_InclusiveRange_CountsMondaysToFridays(
        int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay, int expected)
    {
        var dates = new DateInterval(new LocalDate(startYear, startMonth, startDay), new LocalDate(endYear, endMonth, endDay));

        Assert.Equal(expected, Weekdays.Count(dates));
    }
}
