using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Agreements;

public class ExpectedAmountExamples
{
    private static readonly AcademicYear Ay2026 = new(2026);

    /// <summary>
    /// Academic year 2026/27 with 195 school days in six half-terms: autumn 70 (74 weekdays less INSET days 1 and 2 September,
    /// 23 October and 2 November), spring 60 (30 + 30 weekdays, half-term 15–19 February; its second half runs to Friday 2 April),
    /// summer 65 (35 + 33 weekdays less the 3 May bank holiday and INSET days 7 June and 21 July).
    /// </summary>
    internal static TermCalendar Calendar195()
    {
        var y = Ay2026;
        return new TermCalendar(
            [
                new Term(y, new(2026, 9, 1), new(2026, 10, 23)), new Term(y, new(2026, 11, 2), new(2026, 12, 18)),
                new Term(y, new(2027, 1, 4), new(2027, 2, 12)), new Term(y, new(2027, 2, 22), new(2027, 4, 2)),
                new Term(y, new(2027, 4, 12), new(2027, 5, 28)), new Term(y, new(2027, 6, 7), new(2027, 7, 21)),
            ],
            [
                new SchoolClosure(new(2026, 9, 1), "INSET day"), new SchoolClosure(new(2026, 9, 2), "INSET day"),
                new SchoolClosure(new(2026, 10, 23), "INSET day"), new SchoolClosure(new(2026, 11, 2), "INSET day"),
                new SchoolClosure(new(2027, 5, 3), "Bank holiday"), new SchoolClosure(new(2027, 6, 7), "INSET day"),
                new SchoolClosure(new(2027, 7, 21), "INSET day"),
            ]);
    }

    private static readonly DateInterval Autumn = new(new(2026, 9, 1), new(2026, 12, 18));
    private static readonly DateInterval Spring = new(new(2027, 1, 4), new(2027, 4, 2));
    private static readonly DateInterval Summer = new(new(2027, 4, 12), new(2027, 7, 21));

    private static AgreementTerms Terms(InvoicingPattern pattern, TermSplit split, LocalDate start, LocalDate? end = null,
        Attendance attendance = Attendance.Day, FeeRow[]? fees = null, ExtraRow[]? extras = null, decimal annual = 0) =>
        new("PL-0001", start, end, attendance, pattern, split,
            fees ?? [new FeeRow(new(2025, 9, 1), Money.FromPounds(annual))], extras ?? []);

    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);

    [Fact]
    public void TheHandBuiltCalendar_Has70_60_And65SchoolDays()
    {
        var calendar = Calendar195();
        Assert.Equal(195, calendar.CountSchoolDays(Ay2026));
        Assert.Equal([70, 60, 65], TermGroup.Of(Ay2026, calendar, residential52: false).Select(g => g.Days));
        Assert.Equal([Autumn, Spring, Summer], TermGroup.Of(Ay2026, calendar, false).Select(g => g.Dates));
    }

    [Fact]
    public void Monthly_63000_AFullMonthIs5250()
    {
        // £63,000 ÷ 12 = £5,250.00; October 2026 has 31 days, all on roll.
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2025, 9, 1), annual: 63_000m);
        var expected = ExpectedAmount.For(terms, new(new(2026, 10, 1), new(2026, 10, 31)), TermCalendar.Empty);
        Assert.Equal(Pounds(5_250m), expected.Total);
        Assert.Equal(Pounds(5_250m), expected.Fee);
        Assert.Equal(Money.Zero, expected.Extras);
        Assert.Equal("October 2026: 31 of 31 days, a twelfth of £63,000.00 a year", expected.Basis);
    }

    [Fact]
    public void Monthly_StartingOn16September_Is15Of30DaysOf5250()
    {
        // 16–30 September is 15 of September's 30 days: 15/30 × £5,250.00 = £2,625.00.
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2026, 9, 16), annual: 63_000m);
        var september = ExpectedAmount.BillingPeriods(terms, new(new(2026, 9, 1), new(2026, 9, 30)), TermCalendar.Empty).Single();
        Assert.Equal(new DateInterval(new(2026, 9, 16), new(2026, 9, 30)), september);
        var expected = ExpectedAmount.For(terms, september, TermCalendar.Empty);
        Assert.Equal(Pounds(2_625m), expected.Total);
        Assert.Equal("September 2026: 15 of 30 days, a twelfth of £63,000.00 a year", expected.Basis);
    }

    [Fact]
    public void Monthly_OddPence_RoundCumulativelySoTheYearTotalsTheFee()
    {
        // £10,000 ÷ 12 = 83,333⅓p a month. Cumulative: Sep 83,333⅓ → 83,333; Oct 166,666⅔ → 166,667 (so October £833.34);
        // Nov 250,000 → 250,000 (November £833.33). Twelve months: exactly £10,000.00.
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2025, 9, 1), annual: 10_000m);
        var months = ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, TermCalendar.Empty);
        var amounts = months.Select(m => ExpectedAmount.For(terms, m, TermCalendar.Empty).Total).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal([Pounds(833.33m), Pounds(833.34m), Pounds(833.33m)], amounts.Take(3));
        Assert.Equal(Pounds(10_000m), Money.Sum(amounts));
    }

    [Fact]
    public void Monthly_AnExtraFrom16January_IsItsShareOfJanuary_AndAFullTwelfthAfter()
    {
        // 1:1 support £9,000 a year = £750 a month. From 16 January: 16/31 × 75,000p = 38,709.68p → £387.10.
        // February: cumulative 113,709.68p → 113,710 − 38,710 = £750.00. The fee stays £5,250.00 a month.
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2025, 9, 1), annual: 63_000m,
            extras: [new ExtraRow(ExtraKind.OneToOneSupport, "1:1 teaching assistant", new(2027, 1, 16), null, Pounds(9_000m))]);
        var january = ExpectedAmount.For(terms, new(new(2027, 1, 1), new(2027, 1, 31)), TermCalendar.Empty);
        var february = ExpectedAmount.For(terms, new(new(2027, 2, 1), new(2027, 2, 28)), TermCalendar.Empty);
        Assert.Equal((Pounds(5_250m), Pounds(387.10m), Pounds(5_637.10m)), (january.Fee, january.Extras, january.Total));
        Assert.Equal((Pounds(5_250m), Pounds(750m), Pounds(6_000m)), (february.Fee, february.Extras, february.Total));
        Assert.Equal("February 2027: 28 of 28 days, a twelfth of £63,000.00 a year; extras £9,000.00 a year", february.Basis);
    }

    [Fact]
    public void Monthly_APeriodAcrossTwoAcademicYears_IsTheSumOfItsPieces()
    {
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2025, 9, 1), annual: 63_000m);
        var both = ExpectedAmount.For(terms, new(new(2026, 8, 1), new(2026, 9, 30)), TermCalendar.Empty);
        Assert.Equal(Pounds(10_500m), both.Total); // August £5,250.00 (2025/26) + September £5,250.00 (2026/27)
    }

    [Fact]
    public void Termly_SchoolDays_DailyRate17552Times195_GivesEachTermItsSchoolDays()
    {
        // The domain brief's "£175.57 × 195 days = £34,226.40" is a slip: 175.57 × 195 = £34,236.15. £34,226.40 is £175.52 × 195,
        // and AgreementFee.Daily multiplies exactly. Each school day is worth £34,226.40 ÷ 195 = £175.52:
        // autumn 70 × £175.52 = £12,286.40; spring 60 × £175.52 = £10,531.20; summer 65 × £175.52 = £11,408.80.
        var fee = AgreementFee.Daily(new(2025, 9, 1), Pounds(175.52m), 195);
        Assert.Equal(Pounds(34_226.40m), fee.AnnualAmount);
        Assert.Equal(Pounds(34_236.15m), AgreementFee.Daily(new(2025, 9, 1), Pounds(175.57m), 195).AnnualAmount);
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays, new(2025, 9, 1),
            fees: [new FeeRow(fee.EffectiveFrom, fee.AnnualAmount)]);
        var calendar = Calendar195();

        var periods = ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, calendar);
        Assert.Equal([Autumn, Spring, Summer], periods);
        var amounts = periods.Select(p => ExpectedAmount.For(terms, p, calendar)).ToList();
        Assert.Equal([Pounds(12_286.40m), Pounds(10_531.20m), Pounds(11_408.80m)], amounts.Select(a => a.Total));
        Assert.Equal("Autumn term 2026: 70 of 195 school days of £34,226.40 a year", amounts[0].Basis);
        Assert.Equal("Summer term 2027: 65 of 195 school days of £34,226.40 a year", amounts[2].Basis);
    }

    [Fact]
    public void Termly_SchoolDays_StartingMidTerm_CountsTheSchoolDaysOnRoll()
    {
        // From Wednesday 16 September: 16 Sep–23 Oct is 28 weekdays less the 23 October INSET day = 27;
        // 2 Nov–18 Dec is 35 less the 2 November INSET day = 34; 61 school days × £175.52 = £10,706.72.
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays, new(2026, 9, 16), annual: 34_226.40m);
        var calendar = Calendar195();
        var autumn = ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, calendar)[0];
        Assert.Equal(new DateInterval(new(2026, 9, 16), new(2026, 12, 18)), autumn);
        var expected = ExpectedAmount.For(terms, autumn, calendar);
        Assert.Equal(Pounds(10_706.72m), expected.Total);
        Assert.Equal("Autumn term 2026: 61 of 195 school days of £34,226.40 a year", expected.Basis);
    }

    [Fact]
    public void Termly_EqualThirds_45000_Is15000ATerm_AndAMidTermStartGetsItsShareOfTheTermsSchoolDays()
    {
        var calendar = Calendar195();
        var whole = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds, new(2025, 9, 1), annual: 45_000m);
        Assert.All(new[] { Autumn, Spring, Summer }, term => Assert.Equal(Pounds(15_000m), ExpectedAmount.For(whole, term, calendar).Total));
        Assert.Equal("Spring term 2027: 60 of 60 school days, a third of £45,000.00 a year",
            ExpectedAmount.For(whole, Spring, calendar).Basis);

        // From 16 September: 61 of autumn's 70 school days × £15,000 = 91,500,000p ÷ 70 = 1,307,142.857…p → £13,071.43.
        var midTerm = whole with { PlacementStart = new(2026, 9, 16) };
        var autumn = ExpectedAmount.For(midTerm, new(new(2026, 9, 16), Autumn.End), calendar);
        Assert.Equal(Pounds(13_071.43m), autumn.Total);
        Assert.Equal("Autumn term 2026: 61 of 70 school days, a third of £45,000.00 a year", autumn.Basis);
    }

    [Fact]
    public void Termly_AFeeUpliftOn1April_SplitsSpringAndChargesSummerAtTheNewRate()
    {
        // £34,226.40 (£175.52 a school day) to 31 March, £35,100.00 (= £180.00 × 195) from the 1 April fee review.
        // Spring runs to Friday 2 April: 58 school days × £175.52 + 2 × £180.00 = £10,180.16 + £360.00 = £10,540.16.
        // Summer: 65 × £180.00 = £11,700.00. Autumn is untouched: £12,286.40.
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays, new(2025, 9, 1),
            fees: [new FeeRow(new(2025, 9, 1), Pounds(34_226.40m)), new FeeRow(new(2027, 4, 1), Pounds(35_100m))]);
        var calendar = Calendar195();
        Assert.Equal(Pounds(12_286.40m), ExpectedAmount.For(terms, Autumn, calendar).Total);
        var spring = ExpectedAmount.For(terms, Spring, calendar);
        Assert.Equal(Pounds(10_540.16m), spring.Total);
        Assert.Equal("Spring term 2027: 60 of 195 school days of two fee rates (£34,226.40 then £35,100.00 a year)", spring.Basis);
        Assert.Equal(Pounds(11_700m), ExpectedAmount.For(terms, Summer, calendar).Total);
    }

    [Fact]
    public void Residential52_SchoolDaysSplit_CountsCalendarDays_InSeptemberToDecemberJanuaryToMarchAndAprilToAugust()
    {
        // £73,000 over 2026/27's 365 days = £200.00 a day: Sep–Dec 122 days £24,400; Jan–Mar 90 days £18,000; Apr–Aug 153 days £30,600.
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays, new(2025, 9, 1), attendance: Attendance.Residential52, annual: 73_000m);
        var periods = ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, TermCalendar.Empty);
        Assert.Equal([new DateInterval(new(2026, 9, 1), new(2026, 12, 31)), new DateInterval(new(2027, 1, 1), new(2027, 3, 31)),
            new DateInterval(new(2027, 4, 1), new(2027, 8, 31))], periods);
        var amounts = periods.Select(p => ExpectedAmount.For(terms, p, TermCalendar.Empty)).ToList();
        Assert.Equal([Pounds(24_400m), Pounds(18_000m), Pounds(30_600m)], amounts.Select(a => a.Total));
        Assert.Equal("Autumn term 2026: 122 of 365 days of £73,000.00 a year", amounts[0].Basis);
    }

    [Fact]
    public void Residential52_EqualThirds_RoundsCumulativelyToTheAnnualFee()
    {
        // £73,000 ÷ 3 = 2,433,333⅓p: autumn 2,433,333 → £24,333.33; cumulative 4,866,666⅔ → 4,866,667, so spring £24,333.34;
        // summer 7,300,000 − 4,866,667 = £24,333.33.
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds, new(2025, 9, 1), attendance: Attendance.Residential52, annual: 73_000m);
        var amounts = ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, TermCalendar.Empty)
            .Select(p => ExpectedAmount.For(terms, p, TermCalendar.Empty).Total);
        Assert.Equal([Pounds(24_333.33m), Pounds(24_333.34m), Pounds(24_333.33m)], amounts);
    }

    [Fact]
    public void APeriodBeforeOrAfterThePlacement_IsNothing()
    {
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2026, 10, 1), new(2026, 10, 31), annual: 63_000m);
        var before = ExpectedAmount.For(terms, new(new(2026, 9, 1), new(2026, 9, 30)), TermCalendar.Empty);
        var after = ExpectedAmount.For(terms, new(new(2026, 11, 1), new(2026, 11, 30)), TermCalendar.Empty);
        Assert.Equal(Money.Zero, before.Total);
        Assert.Equal(Money.Zero, after.Total);
        Assert.Equal("November 2026: no days on roll", after.Basis);
        Assert.Equal([new DateInterval(new(2026, 10, 1), new(2026, 10, 31))],
            ExpectedAmount.BillingPeriods(terms, Ay2026.Dates, TermCalendar.Empty));
    }

    [Fact]
    public void ADayOnRollWithoutAFee_IsAgreementHasNoFeeForPeriod()
    {
        var terms = Terms(InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, new(2026, 9, 1),
            fees: [new FeeRow(new(2026, 10, 1), Pounds(63_000m))]);
        var error = Assert.Throws<DomainRuleException>(() =>
            ExpectedAmount.For(terms, new(new(2026, 9, 1), new(2026, 9, 30)), TermCalendar.Empty));
        Assert.Equal("AgreementHasNoFeeForPeriod", error.Rule);
        Assert.Contains("1 September 2026", error.Message);
        // October has its fee; September's missing fee is September's problem.
        Assert.Equal(Pounds(5_250m), ExpectedAmount.For(terms, new(new(2026, 10, 1), new(2026, 10, 31)), TermCalendar.Empty).Total);
    }

    [Fact]
    public void Termly_WithoutTermDatesForTheYear_IsTermCalendarMustHaveSchoolDaysInTheYear()
    {
        var terms = Terms(InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays, new(2025, 9, 1), annual: 34_226.40m);
        var error = Assert.Throws<DomainRuleException>(() => ExpectedAmount.For(terms, Autumn, TermCalendar.Empty));
        Assert.Equal("TermCalendarMustHaveSchoolDaysInTheYear", error.Rule);
        var equalThirds = terms with { TermSplit = TermSplit.EqualThirds };
        Assert.Equal("TermCalendarMustHaveSchoolDaysInTheYear",
            Assert.Throws<DomainRuleException>(() => ExpectedAmount.BillingPeriods(equalThirds, Ay2026.Dates, TermCalendar.Empty)).Rule);
    }
}
