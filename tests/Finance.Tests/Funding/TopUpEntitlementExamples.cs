using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Xunit;

namespace Placements.Finance.Tests.Funding;

public class TopUpEntitlementExamples
{
    private static readonly FinancialYear Fy2025 = new(2025);
    private static readonly YearMonth BeforeAnything = new(2020, 4);

    private static TopUpSettings Settings(TermCalendar? calendar = null, YearMonth? goLive = null, params BandAmount[] bands) =>
        new(new TopUpBandTable(bands), calendar ?? TermCalendar.Empty, goLive ?? BeforeAnything);

    private static TopUpPlacement Agreed(decimal annualPounds, LocalDate start, LocalDate? end, ProRataBasis basis) =>
        new("P1", ProvisionType.MaintainedSpecial, start, end,
            [TopUpFundingRow.ByAgreedAmount(new LocalDate(2020, 1, 1), Money.FromPounds(annualPounds))], basis);

    /// <summary>
    /// FY 2025/26 with 194 school days: six half-terms (autumn starting Tuesday 2 September) and no closures.
    /// </summary>
    private static TermCalendar NineteenFourSchoolDays()
    {
        var (summer, next) = (new AcademicYear(2024), new AcademicYear(2025));
        return new TermCalendar(
            [
                new Term(summer, new(2025, 4, 22), new(2025, 5, 23)),
                new Term(summer, new(2025, 6, 2), new(2025, 7, 24)),
                new Term(next, new(2025, 9, 2), new(2025, 10, 24)),
                new Term(next, new(2025, 11, 3), new(2025, 12, 19)),
                new Term(next, new(2026, 1, 5), new(2026, 2, 13)),
                new Term(next, new(2026, 2, 23), new(2026, 3, 31)),
            ], []);
    }

    [Fact]
    public void SchoolDays_18Of194At15750_Is1461Pounds34()
    {
        // Waltham Forest's published example (domain.md §4): 18/194 × £15,750 = £1,461.34.
        var calendar = NineteenFourSchoolDays();
        Assert.Equal(194, calendar.CountSchoolDays(Fy2025));
        var placement = Agreed(15_750m, new(2025, 9, 3), new(2025, 9, 26), ProRataBasis.SchoolDays); // Wed 3 – Fri 26 Sept: 18 days

        var schedule = TopUpEntitlement.Schedule(placement, Fy2025, Settings(calendar));

        Assert.Equal(Money.FromPounds(1_461.34m), schedule.Total);
        Assert.Equal(Money.FromPounds(1_461.34m), schedule[new YearMonth(2025, 9)].Amount);
        Assert.Equal(new ExactAmount(1_575_000 * 18, 194), schedule.Months[^1].Cumulative); // 146,134.02…p
    }

    [Fact]
    public void Monthly_BandChangeOn16January_WeighsJanuaryByDays_15At12000And16At15000()
    {
        // January 2026 has 31 days: 15 days at £12,000/12/31 + 16 days at £15,000/12/31
        // = (15 × 100,000p + 16 × 125,000p) / 31 = 3,500,000/31 p = 112,903.2258…p.
        var bands = new[]
        {
            new BandAmount(ProvisionType.MaintainedSpecial, "B2", Fy2025, Money.FromPounds(12_000m)),
            new BandAmount(ProvisionType.MaintainedSpecial, "B3", Fy2025, Money.FromPounds(15_000m)),
        };
        var placement = new TopUpPlacement("P1", ProvisionType.MaintainedSpecial, new(2024, 9, 1), null,
            [TopUpFundingRow.ByBand(new(2024, 9, 1), "B2"), TopUpFundingRow.ByBand(new(2026, 1, 16), "B3")]);

        var schedule = TopUpEntitlement.Schedule(placement, Fy2025, Settings(bands: bands));

        Assert.All(schedule.Months.Take(9), m => Assert.Equal(Money.FromPounds(1_000m), m.Amount)); // April–December
        var january = schedule[new YearMonth(2026, 1)];
        Assert.Equal(new ExactAmount(9 * 100_000 * 31 + 3_500_000, 31), january.Cumulative);
        Assert.Equal(Money.FromPence(112_903), january.Amount); // £1,129.03
        Assert.Equal(Money.FromPounds(1_250m), schedule[new YearMonth(2026, 2)].Amount);
        Assert.Equal(Money.FromPounds(1_250m), schedule[new YearMonth(2026, 3)].Amount);
        Assert.Equal(Money.FromPence(1_262_903), schedule.Total); // £12,629.03: 9,000 + 1,129.03 + 2 × 1,250
    }

    [Fact]
    public void CalendarDays_LeaverOn3MayRecordedAfterMayWasPaid_JuneRunRecovers28Days()
    {
        // £14,600 a year over FY 2025/26's 365 days is exactly £40 a day. April (30 days) and May (31) are paid in full;
        // then a leaver date of 3 May is recorded, so 4–31 May (28 days, £1,120) was overpaid.
        var open = Agreed(14_600m, new(2024, 9, 1), null, ProRataBasis.CalendarDays);
        var settings = Settings(goLive: new YearMonth(2025, 4));
        var paid = new Dictionary<FinancialYear, Money>();
        foreach (var run in new[] { new YearMonth(2025, 4), new YearMonth(2025, 5) })
            foreach (var line in TopUpOwed.For(open, run, paid, settings))
                paid[line.Year] = paid.GetValueOrDefault(line.Year) + line.Owed;
        Assert.Equal(Money.FromPounds(61 * 40m), paid[Fy2025]);

        var june = Assert.Single(TopUpOwed.For(open.WithEnd(new(2025, 5, 3)), new YearMonth(2025, 6), paid, settings));

        Assert.Equal(Money.FromPounds(-28 * 40m), june.Owed); // −£1,120.00
        Assert.Equal(Money.Zero, june.TopUp);                 // nothing for June itself
        Assert.Equal(Money.FromPounds(-1_120m), june.Adjustment);
        Assert.Equal(Money.FromPounds(33 * 40m), june.Entitlement);
    }

    [Fact]
    public void GoLiveInOctober_PaysNothingBeforeIt_AndOwesOnlyOctoberInTheFirstRun()
    {
        // The previous system paid April–September 2025; this one starts with October's run.
        var placement = Agreed(12_000m, new(2021, 9, 1), null, ProRataBasis.Monthly);
        var settings = Settings(goLive: new YearMonth(2025, 10));

        var schedule = TopUpEntitlement.Schedule(placement, Fy2025, settings);
        Assert.All(schedule.Months.Take(6), m => Assert.Equal(Money.Zero, m.RoundedCumulative));
        Assert.All(schedule.Months.Skip(6), m => Assert.Equal(Money.FromPounds(1_000m), m.Amount));
        Assert.Equal(Money.FromPounds(6_000m), schedule.Total);

        var october = Assert.Single(TopUpOwed.For(placement, new YearMonth(2025, 10), new Dictionary<FinancialYear, Money>(), settings));
        Assert.Equal(Fy2025, october.Year); // no line for 2024/25 or earlier: the old system paid those
        Assert.Equal(Money.FromPounds(1_000m), october.TopUp);
        Assert.Equal(Money.Zero, october.Adjustment);
        Assert.Empty(TopUpOwed.For(placement, new YearMonth(2025, 9), new Dictionary<FinancialYear, Money>(), settings));
    }

    [Fact]
    public void HalfPennyTie_RoundsAwayFromZero_AndTheNextMonthGivesItBack()
    {
        // £12,000.06 a year is exactly 100,000.5p a month: April's cumulative 100,000.5p rounds up to £1,000.01,
        // May's 200,001p is whole, so May pays £1,000.00; June's 300,001.5p rounds up again.
        var placement = Agreed(12_000.06m, new(2024, 9, 1), null, ProRataBasis.Monthly);

        var schedule = TopUpEntitlement.Schedule(placement, Fy2025, Settings());

        Assert.Equal(new ExactAmount(1_200_006, 12), schedule.Months[0].Cumulative);
        Assert.Equal(Money.FromPence(100_001), schedule.Months[0].Amount);
        Assert.Equal(Money.FromPence(100_000), schedule.Months[1].Amount);
        Assert.Equal(Money.FromPence(100_001), schedule.Months[2].Amount);
        Assert.Equal(Money.FromPounds(12_000.06m), schedule.Total);
    }

    [Fact]
    public void CalendarDays_LeapFinancialYear_Divides_By366()
    {
        // FY 2027/28 holds 29 February 2028: 366 days. £36,600 a year is exactly £100 a day.
        var year = new FinancialYear(2027);
        var placement = Agreed(36_600m, new(2028, 2, 1), new(2028, 3, 31), ProRataBasis.CalendarDays);

        var schedule = TopUpEntitlement.Schedule(placement, year, Settings());

        Assert.Equal(366, year.LengthInDays);
        Assert.Equal(Money.FromPounds(2_900m), schedule[new YearMonth(2028, 2)].Amount); // 29 days
        Assert.Equal(Money.FromPounds(3_100m), schedule[new YearMonth(2028, 3)].Amount);
        Assert.Equal(Money.FromPounds(6_000m), schedule.Total);
    }

    [Fact]
    public void Monthly_PartMonth_GetsDaysOnRollOverDaysInMonthOfATwelfth()
    {
        // Start on 21 April 2025: 10 of April's 30 days of £1,000 = £333.33 (333.33…p rounded), then whole months.
        var placement = Agreed(12_000m, new(2025, 4, 21), null, ProRataBasis.Monthly);

        var schedule = TopUpEntitlement.Schedule(placement, Fy2025, Settings());

        Assert.Equal(Money.FromPence(33_333), schedule.Months[0].Amount);
        Assert.Equal(Money.FromPence(133_333), schedule.Months[1].RoundedCumulative);
        Assert.Equal(Money.FromPence(1_133_333), schedule.Total);
    }

    [Fact]
    public void MissingBandAmount_IsAnErrorListingWhatIsMissing_NeverAZero()
    {
        var bands = new BandAmount(ProvisionType.MaintainedSpecial, "B2", Fy2025, Money.FromPounds(12_000m));
        var placement = new TopUpPlacement("PL-0042", ProvisionType.MaintainedSpecial, new(2025, 9, 1), null,
            [TopUpFundingRow.ByBand(new(2025, 9, 1), "B2")]);
        var settings = Settings(bands: bands);

        var error = Assert.Throws<TopUpAmountMissingException>(() => TopUpEntitlement.Schedule(placement, new FinancialYear(2026), settings));

        Assert.Equal("TopUpAmountMustBeKnown", error.Rule);
        var missing = Assert.Single(error.Missing);
        Assert.Equal(new MissingTopUpAmount(new FinancialYear(2026), "B2", new(2026, 4, 1), new(2027, 3, 31)), missing);
        Assert.Contains("PL-0042", error.Message);
        Assert.Contains("band B2 has no amount for 2026/27", error.Message);
    }

    [Fact]
    public void DaysBeforeTheFirstFundingRow_AreMissing()
    {
        var placement = new TopUpPlacement("P1", ProvisionType.MaintainedSpecial, new(2025, 9, 1), null,
            [TopUpFundingRow.ByAgreedAmount(new(2025, 10, 1), Money.FromPounds(9_000m))]);

        var error = Assert.Throws<TopUpAmountMissingException>(() => TopUpEntitlement.Schedule(placement, Fy2025, Settings()));

        Assert.Equal(new MissingTopUpAmount(Fy2025, null, new(2025, 9, 1), new(2025, 9, 30)), Assert.Single(error.Missing));
    }

    [Fact]
    public void SchoolDays_WithNoTermsInTheYear_IsAnError()
    {
        var placement = Agreed(15_750m, new(2025, 9, 3), null, ProRataBasis.SchoolDays);

        var error = Assert.Throws<DomainRuleException>(() => TopUpEntitlement.Schedule(placement, Fy2025, Settings()));

        Assert.Equal("TermCalendarMustHaveSchoolDaysInTheYear", error.Rule);
    }

    [Fact]
    public void RepeatedRun_OwesNothingNew_AndWritesNoLines()
    {
        var placement = Agreed(15_000m, new(2025, 4, 10), null, ProRataBasis.CalendarDays);
        var settings = Settings();
        var april = new YearMonth(2025, 4);
        var first = Assert.Single(TopUpOwed.For(placement, april, new Dictionary<FinancialYear, Money>(), settings));
        var paid = new Dictionary<FinancialYear, Money> { [Fy2025] = first.Owed };

        var again = Assert.Single(TopUpOwed.For(placement, april, paid, settings, lastMonthPaid: april));

        Assert.Equal(Money.FromPence(86_301), first.TopUp); // 21 days × 1,500,000p / 365 = 86,301.37p
        Assert.Equal(Money.Zero, first.Adjustment);
        Assert.Equal((Money.Zero, Money.Zero), (again.TopUp, again.Adjustment));
    }

    [Fact]
    public void RateCorrectedAfterItsMonthWasPaid_NextRunPaysTheMonthAndAnAdjustment()
    {
        // April 2025 was paid at £12,000 a year (£1,000); the agreed amount is then corrected to £13,200 from 1 April.
        // May's run pays May's own £1,100 as TopUp and April's extra £100 as an Adjustment.
        var settings = Settings(goLive: new YearMonth(2025, 4));
        var corrected = Agreed(13_200m, new(2024, 9, 1), null, ProRataBasis.Monthly);
        var paid = new Dictionary<FinancialYear, Money> { [Fy2025] = Money.FromPounds(1_000m) };

        var may = Assert.Single(TopUpOwed.For(corrected, new YearMonth(2025, 5), paid, settings, lastMonthPaid: new YearMonth(2025, 4)));

        Assert.Equal(Money.FromPounds(1_100m), may.TopUp);
        Assert.Equal(Money.FromPounds(100m), may.Adjustment);
        Assert.Equal(Money.FromPounds(2_200m), may.Entitlement);
    }
}
