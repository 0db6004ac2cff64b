using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

public class AcademicYearTests
{
    [Fact]
    public void For_31August2025_Is2024To25()
    {
        Assert.Equal(new AcademicYear(2024), AcademicYear.For(new LocalDate(2025, 8, 31)));
    }

    [Fact]
    public void For_1September2025_Is2025To26()
    {
        Assert.Equal(new AcademicYear(2025), AcademicYear.For(new LocalDate(2025, 9, 1)));
    }

    [Fact]
    public void Dates_Of2025To26_Run1September2025To31August2026Inclusive()
    {
        var year = new AcademicYear(2025);

        Assert.Equal(new LocalDate(2025, 9, 1), year.Start);
        Assert.Equal(new LocalDate(2026, 8, 31), year.End);
        Assert.Equal(new DateInterval(new LocalDate(2025, 9, 1), new LocalDate(2026, 8, 31)), year.Dates);
        Assert.Equal(365, year.Dates.Length);
        Assert.True(year.Contains(new LocalDate(2026, 8, 31)));
        Assert.False(year.Contains(new LocalDate(2025, 8, 31)));
        Assert.False(year.Contains(new LocalDate(2026, 9, 1)));
    }

    [Fact]
    public void NextAndPrevious_Of2025To26_Are2026To27And2024To25()
    {
        var year = new AcademicYear(2025);

        Assert.Equal(new AcademicYear(2026), year.Next());
        Assert.Equal(new AcademicYear(2024), year.Previous());
    }

    [Fact]
    public void Years_CompareByStartYear()
    {
        var earlier = new AcademicYear(2024);
        var later = new AcademicYear(2025);

        Assert.True(earlier < later);
        Assert.True(later >= earlier);
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.Equal([earlier, later], new[] { later, earlier }.Order());
    }

    [Theory]
    [InlineData(2025, "2025/26")]
    [InlineData(1999, "1999/00")]
    [InlineData(2000, "2000/01")]
    [InlineData(2009, "2009/10")]
    public void ToString_WritesStartYearSlashTwoDigitNextYear(int startYear, string expected)
    {
        Assert.Equal(expected, new AcademicYear(startYear).ToString());
    }

    [Theory]
    [InlineData("2025/26", 2025)]
    [InlineData("1999/00", 1999)]
    [InlineData("1900/01", 1900)]
    [InlineData("2200/01", 2200)]
    public void Parse_YearInTheWrittenForm_GivesThatYear(string text, int startYear)
    {
        Assert.Equal(new AcademicYear(startYear), AcademicYear.Parse(text));
        Assert.True(AcademicYear.TryParse(text, out var parsed));
        Assert.Equal(new AcademicYear(startYear), parsed);
    }

    [Theory]
    [InlineData("2025/27")]
    [InlineData("2025-26")]
    [InlineData("25/26")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(" 2025/26")]
    [InlineData("2025/26 ")]
    [InlineData("2025/2026")]
    [InlineData("1999/2000")]
    [InlineData("1899/00")]
    [InlineData("2201/02")]
    [InlineData("٢٠٢٥/٢٦")]
    public void Parse_AnythingButYYYYSlashYY_ThrowsFormatExceptionShowingInputAndExpectedForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => AcademicYear.Parse(text));

        Assert.Contains($"'{text}'", error.Message);
        Assert.Contains("YYYY/YY", error.Message);
        Assert.False(AcademicYear.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(AcademicYear.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => AcademicYear.Parse(null!));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2201)]
    public void New_StartYearOutside1900To2200_Throws(int startYear)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcademicYear(startYear));
    }

    [Fact]
    public void For_DateInAnotherCalendarSystem_Throws()
    {
        var julian = new LocalDate(2025, 9, 1, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => AcademicYear.For(julian));
    }
}
