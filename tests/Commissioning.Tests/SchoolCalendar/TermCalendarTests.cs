using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

public class TermCalendarTests
{
    private static readonly TermCalendar Calendar = EnglishTermDates2025To26.Calendar;
    private static readonly AcademicYear Year2025 = new(2025);

    private static DateInterval Month(int year, int month) =>
        new(new LocalDate(year, month, 1), new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1));

    [Fact]
    public void CountSchoolDays_AcademicYear2025To26_Is194()
    {
        // 38 + 35 + 30 + 25 + 30 + 38 weekdays in the six half-terms, less the INSET day and 4 May bank holiday.
        Assert.Equal(194, Calendar.CountSchoolDays(Year2025));
    }

    [Fact]
    public void CountSchoolDays_November2025_Is20()
    {
        // Half-term ends Fri 31 Oct; Mon 3 Nov to Fri 28 Nov is four full weeks; 29–30 Nov is a weekend.
        Assert.Equal(20, Calendar.CountSchoolDays(Month(2025, 11)));
    }

    [Fact]
    public void CountSchoolDays_January2026_Is19BecauseOfTheInsetDay()
    {
        // Term starts Mon 5 Jan: 5–30 Jan is 20 weekdays, less the INSET day on 5 Jan.
        Assert.Equal(19, Calendar.CountSchoolDays(Month(2026, 1)));
    }

    [Fact]
    public void CountSchoolDays_May2026_Is15()
    {
        // Fri 1 May + three weeks to Fri 22 May = 16 weekdays, less the bank holiday on Mon 4 May;
        // 25–29 May is half-term.
        Assert.Equal(15, Calendar.CountSchoolDays(Month(2026, 5)));
    }

    [Fact]
    public void CountSchoolDays_AugustHoliday_IsZero()
    {
        Assert.Equal(0, Calendar.CountSchoolDays(Month(2026, 8)));
    }

    [Fact]
    public void CountSchoolDays_FinancialYears_SplitTheAcademicYear127And67()
    {
        // FY 2025/26 holds September–March (38 + 35 + 30 + 25 − INSET = 127),
        // FY 2026/27 holds April–July (30 + 38 − bank holiday = 67): 127 + 67 = 194.
        Assert.Equal(127, Calendar.CountSchoolDays(new FinancialYear(2025)));
        Assert.Equal(67, Calendar.CountSchoolDays(new FinancialYear(2026)));
    }

    [Fact]
    public void CountSchoolDays_TheTwelveMonths_AddUpToTheAcademicYear()
    {
        var months = Enumerable.Range(0, 12).Select(i => Year2025.Start.PlusMonths(i));

        var total = months.Sum(start => Calendar.CountSchoolDays(new DateInterval(start, start.PlusMonths(1).PlusDays(-1))));

        Assert.Equal(194, total);
    }

    [Fact]
    public void CountSchoolDays_SingleDay_IsOneOnASchoolDayAndZeroOnAClosure()
    {
        var tuesday = new LocalDate(2025, 9, 9);
        var inset = EnglishTermDates2025To26.InsetDay.Date;

        Assert.Equal(1, Calendar.CountSchoolDays(new DateInterval(tuesday, tuesday)));
        Assert.Equal(0, Calendar.CountSchoolDays(new DateInterval(inset, inset)));
    }

    [Theory]
    [InlineData(2025, 9, 3, true)]    // first day of term, a Wednesday
    [InlineData(2025, 10, 24, true)]  // last day of the half-term is included
    [InlineData(2025, 9, 2, false)]   // the day before term starts
    [InlineData(2025, 9, 6, false)]   // Saturday in term
    [InlineData(2025, 9, 7, false)]   // Sunday in term
    [InlineData(2025, 10, 27, false)] // October half-term
    [InlineData(2026, 1, 5, false)]   // INSET day
    [InlineData(2026, 1, 6, true)]    // the day after the INSET day
    [InlineData(2026, 5, 4, false)]   // early May bank holiday
    [InlineData(2026, 7, 23, false)]  // summer holiday
    public void IsSchoolDay_InTheEnglish2025To26Calendar(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Calendar.IsSchoolDay(new LocalDate(year, month, day)));
    }

    [Fact]
    public void Empty_HasNoSchoolDays()
    {
        Assert.False(TermCalendar.Empty.IsSchoolDay(new LocalDate(2025, 9, 3)));
        Assert.Equal(0, TermCalendar.Empty.CountSchoolDays(new FinancialYear(2025)));
        Assert.Empty(TermCalendar.Empty.Terms);
    }

    [Fact]
    public void TermsAndClosures_GivenInAnyOrder_AreKeptEarliestFirstAndCountTheSame()
    {
        var shuffled = new TermCalendar(
            EnglishTermDates2025To26.HalfTerms.Reverse(),
            [EnglishTermDates2025To26.EarlyMayBankHoliday, EnglishTermDates2025To26.InsetDay]);

        Assert.Equal(EnglishTermDates2025To26.HalfTerms, shuffled.Terms);
        Assert.Equal([EnglishTermDates2025To26.InsetDay, EnglishTermDates2025To26.EarlyMayBankHoliday], shuffled.Closures);
        Assert.Equal(194, shuffled.CountSchoolDays(Year2025));
    }

    [Fact]
    public void Term_EndingBeforeItStarts_BreaksTermMustStartOnOrBeforeItsEnd()
    {
        var error = Assert.Throws<DomainRuleException>(
            () => new Term(Year2025, new LocalDate(2025, 10, 24), new LocalDate(2025, 9, 3)));

        Assert.Equal("TermMustStartOnOrBeforeItsEnd", error.Rule);
    }

    [Theory]
    [InlineData(2025, 8, 29, 2025, 10, 24)] // starts before 1 September
    [InlineData(2026, 6, 1, 2026, 9, 4)]    // ends after 31 August
    [InlineData(2026, 9, 3, 2026, 10, 23)]  // wholly in the next academic year
    public void Term_OutsideItsAcademicYear_BreaksTermMustLieInsideItsAcademicYear(
        int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Term(
            Year2025, new LocalDate(startYear, startMonth, startDay), new LocalDate(endYear, endMonth, endDay)));

        Assert.Equal("TermMustLieInsideItsAcademicYear", error.Rule);
        Assert.Contains("2025/26", error.Message);
    }

    [Fact]
    public void Term_OnTheFirstAndLastDaysOfItsYear_IsAllowed()
    {
        var term = new Term(Year2025, Year2025.Start, Year2025.End);

        Assert.Equal(Year2025.Dates, term.Dates);
    }

    [Fact]
    public void Terms_SharingOneDay_BreakTermsMustNotOverlap()
    {
        Term[] terms =
        [
            new(Year2025, new LocalDate(2025, 11, 3), new LocalDate(2025, 12, 19)),
            new(Year2025, new LocalDate(2025, 9, 3), new LocalDate(2025, 11, 3)),
        ];

        var error = Assert.Throws<DomainRuleException>(() => new TermCalendar(terms, []));

        Assert.Equal("TermsMustNotOverlap", error.Rule);
    }

    [Fact]
    public void Terms_OneEndingTheDayBeforeTheNextStarts_AreAllowed()
    {
        var calendar = new TermCalendar(
        [
            new(Year2025, new LocalDate(2025, 9, 1), new LocalDate(2025, 9, 5)),
            new(Year2025, new LocalDate(2025, 9, 6), new LocalDate(2025, 9, 12)),
        ], []);

        Assert.Equal(10, calendar.CountSchoolDays(new DateInterval(new LocalDate(2025, 9, 1), new LocalDate(2025, 9, 30))));
    }

    [Theory]
    [InlineData(2025, 9, 6)]   // a Saturday in term
    [InlineData(2025, 10, 29)] // a Wednesday in October half-term
    [InlineData(2025, 9, 2)]   // the day before term starts
    public void Closure_NotOnAWeekdayInTerm_BreaksClosureMustBeASchoolDay(int year, int month, int day)
    {
        var closure = new SchoolClosure(new LocalDate(year, month, day), "INSET day");

        var error = Assert.Throws<DomainRuleException>(
            () => new TermCalendar(EnglishTermDates2025To26.HalfTerms, [closure]));

        Assert.Equal("ClosureMustBeASchoolDay", error.Rule);
    }

    [Fact]
    public void Closure_RecordedTwiceForTheSameDate_BreaksClosureMustNotBeRecordedTwice()
    {
        var date = new LocalDate(2025, 9, 3);

        var error = Assert.Throws<DomainRuleException>(() => new TermCalendar(
            EnglishTermDates2025To26.HalfTerms,
            [new SchoolClosure(date, "INSET day"), new SchoolClosure(date, "Polling station")]));

        Assert.Equal("ClosureMustNotBeRecordedTwice", error.Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Closure_WithoutAReason_BreaksClosureMustHaveAReason(string reason)
    {
        var error = Assert.Throws<DomainRuleException>(() => new SchoolClosure(new LocalDate(2025, 9, 3), reason));

        Assert.Equal("ClosureMustHaveAReason", error.Rule);
    }
}
