using NodaTime;
using Placements.Commissioning.Planning;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.Planning;

public class CensusDateTests
{
    [Fact]
    public void For_2025To26_Is15January2026_WhenJanuaryStartsOnAThursday()
    {
        Assert.Equal(new LocalDate(2026, 1, 15), CensusDate.For(new AcademicYear(2025)));
    }

    [Fact]
    public void For_2026To27_Is21January2027()
    {
        Assert.Equal(new LocalDate(2027, 1, 21), CensusDate.For(new AcademicYear(2026)));
    }

    [Fact]
    public void For_2024To25_Is16January2025_TheSpringCensusDay()
    {
        Assert.Equal(new LocalDate(2025, 1, 16), CensusDate.For(new AcademicYear(2024)));
    }
}
