using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Xunit;
using static Placements.Finance.Tests.Budgets.ForecastCases;

namespace Placements.Finance.Tests.Budgets;

/// <summary>
/// The forecast outturn (domain.md §7) on hand-worked cases: actuals + commitments + expected demand = forecast, per
/// placement and per s251 line, on FY 2026/27 as at 15 November 2026 (see <see cref="ForecastCases"/>).
/// </summary>
public class HighNeedsForecastExamples
{
    private static PlacementForecast For(ForecastPlacement p, LocalDate? asAt = null, FinancialYear? year = null) =>
        HighNeedsForecast.ForPlacement(p, year ?? Fy2026, asAt ?? AsAt, Settings);

    [Fact]
    public void TopUpPaidAprilToOctober_At1312_50AMonth_Actual9187_50_Commitment6562_50_Forecast15750()
    {
        // 7 × £1,312.50 = £9,187.50 paid; November–March 5 × £1,312.50 = £6,562.50 still to pay; £15,750 in all.
        var p = For(TopUp(1, PlacementStage.Active, new(2024, 9, 1), null, Pounds(9_187.50m)));
        Assert.Equal(Pounds(9_187.50m), p.Actual);
        Assert.Equal(Pounds(6_562.50m), p.Commitment);
        Assert.Equal(Money.Zero, p.Pipeline);
        Assert.Equal(Pounds(15_750m), p.Total);
        Assert.Equal(Pounds(15_750m), p.AnnualRate);
        Assert.Null(p.Problem);
    }

    [Fact]
    public void AgreedNotStarted_From1January_IsPipelineOfThreeTwelfths_3937_50()
    {
        var p = For(TopUp(2, PlacementStage.NotStarted, new(2027, 1, 1), null, Money.Zero));
        Assert.Equal(Money.Zero, p.Commitment);
        Assert.Equal(Pounds(3_937.50m), p.Pipeline);
    }

    [Fact]
    public void Proposed_From1February_AtAnAgreed12000_IsPipelineOf2000()
    {
        var p = For(TopUp(3, PlacementStage.Proposed, new(2027, 2, 1), null, Money.Zero, agreed: Pounds(12_000m)));
        Assert.Equal(Money.Zero, p.Commitment);
        Assert.Equal(Pounds(2_000m), p.Pipeline);
        Assert.Equal(Pounds(12_000m), p.AnnualRate);
    }

    [Fact]
    public void FeePaid_SummerAndAutumnInvoiced_CommitsTheSpringTermsExpected12000()
    {
        // £36,000 in thirds: summer 2026 and autumn 2026 invoiced at £12,000 each; 1–12 April and 22 July–1 September
        // have no school days, so the only uncovered term is spring 2027: £12,000.
        var p = For(FeePaid(4, Pounds(24_000m), [Summer2026, Autumn2026], Money.Zero));
        Assert.Equal(Pounds(36_000m), p.FullYear);
        Assert.Equal(Pounds(24_000m), p.Actual);
        Assert.Equal(Pounds(12_000m), p.Commitment);
        Assert.Equal(Pounds(36_000m), p.Total);
    }

    [Fact]
    public void FeePaid_AutumnInvoiced500AboveExpected_StillCommitsOnlyTheExpectedAmountOfTheUncoveredDays()
    {
        // Autumn approved at £12,500 (£500 over the agreement): actual £24,500; commitment is spring's expected £12,000,
        // not £36,000 − £24,500; the forecast carries the £500 overspend: £36,500.
        var p = For(FeePaid(4, Pounds(24_500m), [Summer2026, Autumn2026], Pounds(500m)));
        Assert.Equal(Pounds(12_000m), p.Commitment);
        Assert.Equal(Pounds(36_500m), p.Total);
    }

    [Fact]
    public void FeePaid_OnlyAutumnInvoiced_CommitsSummerAndSpring24000()
    {
        var p = For(FeePaid(4, Pounds(12_000m), [Autumn2026], Money.Zero));
        Assert.Equal(Pounds(24_000m), p.Commitment);
    }

    [Fact]
    public void ProblemPlacement_BandWithNoAmountForTheYear_CountsOnlyItsActual()
    {
        var p = For(TopUp(5, PlacementStage.Active, new(2025, 9, 1), null, Pounds(500m), band: "E9"));
        Assert.NotNull(p.Problem);
        Assert.Contains("E9", p.Problem, StringComparison.Ordinal);
        Assert.Equal(Pounds(500m), p.Total);
        Assert.Equal(Money.Zero, p.Commitment);
    }

    [Fact]
    public void WorkedYear_EachLineIsActualPlusCommitmentPlusExpected_AndTheTotalAddsUp()
    {
        // 1.2.1: actual 9,187.50 + 500 = 9,687.50; commitment 6,562.50; pipeline 3,937.50 + 2,000 = 5,937.50 → 22,187.50.
        // 1.2.3: actual 24,000; commitment 12,000 → 36,000. 1.2.5 held at its £100,000 budget; 1.0.2 place funding £500,000.
        var budgets = new Dictionary<string, Money> { ["1.2.1"] = Pounds(22_000m), ["1.2.3"] = Pounds(40_000m), ["1.2.5"] = Pounds(100_000m), ["1.0.2"] = Pounds(480_000m) };
        var result = HighNeedsForecast.Compute(Inputs(WorkedYear(), budgets, Pounds(500_000m)), ForecastOptions.Base, RagThresholds.Default);

        var topUps = result.Line("1.2.1");
        Assert.Equal(LineBasis.Placements, topUps.Basis);
        Assert.Equal((Pounds(9_687.50m), Pounds(6_562.50m), Pounds(5_937.50m)), (topUps.Figures.Actual, topUps.Figures.Commitment, topUps.Figures.Pipeline));
        Assert.Equal(Pounds(22_187.50m), topUps.Forecast);
        Assert.Equal(Pounds(187.50m), topUps.Variance);
        Assert.Equal(RagStatus.Red, topUps.Rag); // 100.85% of budget

        var fees = result.Line("1.2.3");
        Assert.Equal((Pounds(24_000m), Pounds(12_000m), Pounds(36_000m)), (fees.Figures.Actual, fees.Figures.Commitment, fees.Forecast));
        Assert.Equal(RagStatus.Green, fees.Rag); // 90%

        Assert.Equal(Money.Zero, result.Line("1.2.2").Forecast);
        Assert.Equal(Pounds(658_187.50m), result.Forecast); // 22,187.50 + 36,000 + 100,000 + 500,000
        Assert.Equal(result.Totals.Actual + result.Totals.Commitment + result.Totals.ExpectedDemand, result.Forecast);
        Assert.Single(result.Problems);
        Assert.Equal("PL-0005", result.Problems.Single().Placement.Reference);
    }

    [Fact]
    public void LinesNotPaidThroughPlacements_AreHeldAtBudget_AndPlaceFundingIsTheEnginesFigure()
    {
        var budgets = new Dictionary<string, Money> { ["1.0.2"] = Pounds(480_000m), ["1.2.5"] = Pounds(100_000m), ["1.2.11"] = Pounds(7_500.25m) };
        var result = HighNeedsForecast.Compute(Inputs([], budgets, Pounds(500_000m)), ForecastOptions.Base, RagThresholds.Default);

        var place = result.Line("1.0.2");
        Assert.Equal((LineBasis.PlaceFunding, Pounds(500_000m), Pounds(20_000m)), (place.Basis, place.Forecast, place.Variance));
        Assert.Equal(RagStatus.Red, place.Rag);
        foreach (var (code, budget) in new[] { ("1.2.5", Pounds(100_000m)), ("1.2.11", Pounds(7_500.25m)), ("1.2.13", Money.Zero) })
        {
            var line = result.Line(code);
            // Held at budget says nothing about the year, so it is not amber for sitting at 100% of its budget.
            Assert.Equal((LineBasis.HeldAtBudget, budget, Money.Zero, RagStatus.Green), (line.Basis, line.Forecast, line.Variance, line.Rag));
        }
    }

    [Fact]
    public void PlaceFundingNotWorkedOut_IsHeldAtBudget()
    {
        var budgets = new Dictionary<string, Money> { ["1.0.2"] = Pounds(480_000m) };
        var line = HighNeedsForecast.Compute(Inputs([], budgets, placeFunding: null), ForecastOptions.Base, RagThresholds.Default).Line("1.0.2");
        Assert.Equal((LineBasis.HeldAtBudget, Pounds(480_000m)), (line.Basis, line.Forecast));
    }

    [Fact]
    public void Commitment_IsTheFundingEnginesEntitlementLessActual_ToThePenny()
    {
        // CalendarDays basis, £17,556 a year from 17 June 2026 to 9 February 2027: 238 of 365 days = £11,447.47 (rounded);
        // paid £4,000.00 so far, whatever the months were, the rest is committed.
        var p = TopUp(6, PlacementStage.Active, new(2026, 6, 17), new(2027, 2, 9), Pounds(4_000m), agreed: Pounds(17_556m), basis: ProRataBasis.CalendarDays);
        var entitlement = TopUpEntitlement.Schedule(p.TopUp!, Fy2026, Settings).Total;
        Assert.Equal(Pounds(11_447.47m), entitlement); // 17,556 × 238 / 365 = 11,447.4739…
        var forecast = For(p);
        Assert.Equal(entitlement - Pounds(4_000m), forecast.Commitment);
        Assert.Equal(entitlement, forecast.Actual + forecast.Commitment);
    }

    [Fact]
    public void PlacementEndedToday_OwesNothingAfterToday_WhereTheOpenEndedOneRunsTo31March()
    {
        // Ended 15 November: April–October £9,187.50 + 15/30 of £1,312.50 (£656.25) = £9,843.75; paid £9,187.50 → £656.25.
        var ended = For(TopUp(1, PlacementStage.Active, new(2024, 9, 1), AsAt, Pounds(9_187.50m)));
        var open = For(TopUp(1, PlacementStage.Active, new(2024, 9, 1), null, Pounds(9_187.50m)));
        Assert.Equal(Pounds(656.25m), ended.Commitment);
        Assert.Equal(Pounds(9_843.75m), ended.Total);
        Assert.Equal(AsAt, ended.ProjectedEnd);
        Assert.Equal(Pounds(6_562.50m), open.Commitment);
        Assert.Equal(Pounds(6_562.50m) - Pounds(656.25m), open.Commitment - ended.Commitment); // 4 months and a half: 5,906.25
    }

    [Fact]
    public void OpenEnded_YoungPersonInTheirLastNcy_EndsOn31August_SoTheNextYearCostsAprilToAugust()
    {
        // 18 on 31 August 2026: NCY 14 in 2026/27, the last the setting takes. Forecasting 2027/28 on 15 December 2026,
        // the placement ends 31 August 2027: 5 × £1,312.50 = £6,562.50. A year younger (NCY 13) runs the whole year.
        var asAt = new LocalDate(2026, 12, 15);
        var leaving = TopUp(7, PlacementStage.Active, new(2022, 9, 1), null, Money.Zero, dateOfBirth: new(2008, 1, 15), lastNcy: 14);
        var staying = leaving with { DateOfBirth = new(2009, 1, 15) };

        Assert.Equal(new LocalDate(2027, 8, 31), HighNeedsForecast.ProjectedEnd(leaving, asAt));
        Assert.Equal(new LocalDate(2028, 8, 31), HighNeedsForecast.ProjectedEnd(staying, asAt));
        var next = For(leaving, asAt, Fy2027);
        Assert.Equal(new LocalDate(2027, 8, 31), next.ProjectedEnd);
        Assert.Equal(Pounds(6_562.50m), next.Commitment);
        Assert.Equal(Pounds(15_750m), For(staying, asAt, Fy2027).Commitment);
    }

    [Fact]
    public void OpenEnded_YoungPersonPastTheirLastNcyButStillOnRoll_RunsTo31March()
    {
        var p = TopUp(8, PlacementStage.Active, new(2022, 9, 1), null, Pounds(9_187.50m), dateOfBirth: new(2007, 1, 15), lastNcy: 14);
        Assert.Null(HighNeedsForecast.ProjectedEnd(p, AsAt));
        Assert.Equal(Pounds(6_562.50m), For(p).Commitment);
    }

    [Fact]
    public void FeeRiseOf10Percent_AddsATenthOfActualPlusCommitmentPlusExpected()
    {
        // 1.2.1 of the worked year: 10% of £22,187.50 = £2,218.75 → £24,406.25; 1.2.3: 10% of £36,000 = £3,600.
        var result = HighNeedsForecast.Compute(Inputs(WorkedYear()), new ForecastOptions(FeeRisePercent: 10m), RagThresholds.Default);
        Assert.Equal(Pounds(2_218.75m), result.Line("1.2.1").Figures.Uplift);
        Assert.Equal(Pounds(24_406.25m), result.Line("1.2.1").Forecast);
        Assert.Equal(Pounds(39_600m), result.Line("1.2.3").Forecast);
        Assert.True(result.Options.IsScenario);
    }

    [Fact]
    public void Trend_IsShownEitherWay_ButCountsOnlyWhenIncluded()
    {
        // 24 starts at £12,000 in the year to 15 November 2026, 4 months left (December–March): £288,000 × 16 / 288 = £16,000.
        var starts = TwentyFourStarts();
        var included = HighNeedsForecast.Compute(Inputs([], starts: starts), new ForecastOptions(IncludeTrend: true), RagThresholds.Default).Line("1.2.1");
        var excluded = HighNeedsForecast.Compute(Inputs([], starts: starts), new ForecastOptions(IncludeTrend: false), RagThresholds.Default).Line("1.2.1");
        Assert.Equal((Pounds(16_000m), Pounds(16_000m)), (included.Figures.Trend, included.Forecast));
        Assert.Equal((Pounds(16_000m), Money.Zero), (excluded.Figures.Trend, excluded.Forecast));
    }

    internal static IReadOnlyList<PlacementStart> TwentyFourStarts() =>
        Enumerable.Range(0, 24).Select(i => new PlacementStart("1.2.1", ProvisionType.MaintainedSpecial, new LocalDate(2025, 11, 20).PlusDays(i * 14), Pounds(12_000m)))
            .ToList();
}
