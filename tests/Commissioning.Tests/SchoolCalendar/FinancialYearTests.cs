using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

public class FinancialYearTests
{
    [Fact]
    public void For_31March2026_Is2025To26()
    {
        Assert.Equal(new FinancialYear(2025), FinancialYear.For(new LocalDate(2026, 3, 31)));
    }

    [Fact]
    public void For_1April2026_Is2026To27()
    {
        Assert.Equal(new FinancialYear(2026), FinancialYear.For(new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void Dates_Of2025To26_Run1April2025To31March2026Inclusive()
    {
        var year = new FinancialYear(2025);

        Assert.Equal(new LocalDate(2025, 4, 1), year.Start);
        Assert.Equal(new LocalDate(2026, 3, 31), year.End);
        Assert.Equal(new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31)), year.Dates);
        Assert.True(year.Contains(new LocalDate(2026, 3, 31)));
        Assert.False(year.Contains(new LocalDate(2025, 3, 31)));
        Assert.False(year.Contains(new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void LengthInDays_Of2023To24_Is366BecauseItContains29February2024()
    {
        var year = new FinancialYear(2023);

        Assert.True(year.Contains(new LocalDate(2024, 2, 29)));
        Assert.Equal(366, year.LengthInDays);
    }

    [Fact]
    public void LengthInDays_Of2024To25_Is365()
    {
        Assert.Equal(365, new FinancialYear(2024).LengthInDays);
    }

    [Fact]
    public void NextAndPrevious_Of2025To26_Are2026To27And2024To25()
    {
        var year = new FinancialYear(2025);

        Assert.Equal(new FinancialYear(2026), year.Next());
        Assert.Equal(new FinancialYear(2024), year.Previous());
        Assert.True(year.Previous() < year && year < year.Next());
    }

    [Theory]
    [InlineData(2025, "2025/26")]
    [InlineData(1999, "1999/00")]
    public void ToString_WritesStartYearSlashTwoDigitNextYear(int startYear, string expected)
    {
        Assert.Equal(expected, new FinancialYear(startYear).ToString());
    }

    [Theory]
    [InlineData("2025/26", 2025)]
    [InlineData("1999/00", 1999)]
    public void Parse_YearInTheWrittenForm_GivesThatYear(string text, int startYear)
    {
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Parse(text));
        Assert.True(FinancialYear.TryParse(text, out var parsed));
        Assert.Equal(new FinancialYear(startYear), parsed);
    }

    [Theory]
    [InlineData("2025/27")]
    [InlineData("2025-26")]
    [InlineData("25/26")]
    [InlineData("abc")]
    [InlineData("FY2025/26")]
    public void Parse_AnythingButYYYYSlashYY_ThrowsFormatExceptionShowingInputAndExpectedForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => FinancialYear.Parse(text));

        Assert.Contains($"'{text}'", error.Message);
        Assert.Contains("YYYY/YY", error.Message);
        Assert.Contains("financial year", error.Message);
        Assert.False(FinancialYear.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2201)]
    public void New_StartYearOutside1900To2200_Throws(int startYear)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(startYear));
    }
}
