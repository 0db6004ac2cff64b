using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Finance.Budgets.Forecasting;
using Xunit;
using static Placements.Finance.Tests.Budgets.ForecastCases;

namespace Placements.Finance.Tests.Budgets;

/// <summary>The new-placements trend (C × n² / 288), the RAG thresholds and the movement since last month, on worked figures.</summary>
public class TrendRagAndMovementExamples
{
    private static readonly IReadOnlyList<PlacementStart> Starts = HighNeedsForecastExamples.TwentyFourStarts();

    [Fact]
    public void Trend_24StartsAt12000_With4MonthsLeft_Is16000()
    {
        // C = 24 × £12,000 = £288,000; n = 4 (December–March): £288,000 × 16 / 288 = £16,000.
        var line = Assert.Single(NewPlacementTrend.For(Starts, AsAt, Fy2026));
        Assert.Equal((24, Pounds(288_000m), 4), (line.Starts, line.AnnualCostOfStarts, line.MonthsOfStarts));
        Assert.Equal(Pounds(16_000m), line.Amount);
    }

    [Fact]
    public void Trend_WithGrowthOf10Percent_Is17600()
    {
        Assert.Equal(Pounds(17_600m), Assert.Single(NewPlacementTrend.For(Starts, AsAt, Fy2026, growthPercent: 10m)).Amount);
    }

    [Fact]
    public void Trend_ForNextYear_CountsTheStartsBeforeItAsWholeYears_216000()
    {
        // On 15 December 2026 for 2027/28: January–March 2027 starts run all year (C × 3 / 12 = £72,000), and the year's
        // own 12 months give C × 144 / 288 = £144,000: £216,000. The 24 starts, a month later, are all in the 12 months to
        // 15 December 2026 (20 December 2025 to 8 November 2026).
        var starts = Starts.Select(s => s with { Start = s.Start.PlusMonths(1) }).ToList();
        var line = Assert.Single(NewPlacementTrend.For(starts, new LocalDate(2026, 12, 15), Fy2027));
        Assert.Equal(15, line.MonthsOfStarts);
        Assert.Equal(Pounds(216_000m), line.Amount);
    }

    [Fact]
    public void Trend_AHalfPennyRoundsAwayFromZero_AsExcelsRound_14401_44Over288Is50_01()
    {
        // One month left (March): C × 1 / 288. £14,401.44 / 288 = £50.005 exactly → ROUND(…, 2) = £50.01. The factor 1/288
        // is not a finite decimal (0.003472…), so multiplying by it rounded to 28 digits lands just under the half penny.
        var start = new PlacementStart("1.2.1", ProvisionType.MaintainedSpecial, new(2027, 2, 1), Pounds(14_401.44m));
        Assert.Equal(Pounds(50.01m), Assert.Single(NewPlacementTrend.For([start], new LocalDate(2027, 2, 15), Fy2026)).Amount);
        // And with growth: £14,401.44 × 1.5 / 288 = £75.0075 → £75.01.
        Assert.Equal(Pounds(75.01m), Assert.Single(NewPlacementTrend.For([start], new LocalDate(2027, 2, 15), Fy2026, 50m)).Amount);
    }

    [Fact]
    public void Trend_InMarch_HasNoMonthsLeft_AndIsZero()
    {
        var starts = Starts.Select(s => s with { Start = s.Start.PlusMonths(4) }).ToList();
        Assert.Equal(Money.Zero, Assert.Single(NewPlacementTrend.For(starts, new LocalDate(2027, 3, 10), Fy2026)).Amount);
    }

    [Fact]
    public void Trend_IgnoresStartsOutsideTheLast12Months_AndGroupsByLineAndType()
    {
        PlacementStart[] starts =
        [
            new("1.2.1", ProvisionType.MaintainedSpecial, AsAt.PlusMonths(-12), Pounds(50_000m)), // just outside: window is after this day
            new("1.2.1", ProvisionType.MaintainedSpecial, AsAt.PlusDays(1), Pounds(50_000m)),     // after the forecast date
            new("1.2.1", ProvisionType.MaintainedSpecial, AsAt, Pounds(14_400m)),
            new("1.2.3", ProvisionType.IndependentSpecial, AsAt.PlusMonths(-6), Pounds(72_000m)),
        ];
        var lines = NewPlacementTrend.For(starts, AsAt, Fy2026);
        // £14,400 × 16 / 288 = £800; £72,000 × 16 / 288 = £4,000.
        Assert.Equal([("1.2.1", 1, Pounds(800m)), ("1.2.3", 1, Pounds(4_000m))], lines.Select(l => (l.S251Line, l.Starts, l.Amount)));
    }

    [Theory]
    [InlineData(98_000_00, RagStatus.Green)]   // exactly 98%: not above it
    [InlineData(98_000_01, RagStatus.Amber)]   // a penny above 98%
    [InlineData(100_000_00, RagStatus.Amber)]  // on budget: not above 100%
    [InlineData(100_000_01, RagStatus.Red)]    // a penny over
    [InlineData(0, RagStatus.Green)]
    public void Rag_On100000Budget_AmberAbove98Percent_RedAbove100Percent(long forecastPence, RagStatus expected)
    {
        Assert.Equal(expected, RagThresholds.Default.Of(Money.FromPence(forecastPence), Pounds(100_000m)));
    }

    [Fact]
    public void Rag_LineWithNoBudget_IsRedAsSoonAsAnythingIsForecast()
    {
        Assert.Equal(RagStatus.Red, RagThresholds.Default.Of(Money.FromPence(1), Money.Zero));
        Assert.Equal(RagStatus.Green, RagThresholds.Default.Of(Money.Zero, Money.Zero));
    }

    [Fact]
    public void Rag_CouncilsOwnThresholds_95And105()
    {
        var rag = new RagThresholds(95m, 105m);
        Assert.Equal(RagStatus.Amber, rag.Of(Pounds(104_000m), Pounds(100_000m)));
        Assert.Equal(RagStatus.Red, rag.Of(Pounds(105_000.01m), Pounds(100_000m)));
        Assert.Equal(RagStatus.Green, rag.Of(Pounds(95_000m), Pounds(100_000m)));
    }

    private static PlacementPart Part(int id, string line, Money total, Money? rate = null, LocalDate? end = null, Money? above = null,
        PlacementStage stage = PlacementStage.Active) =>
        new(id, $"PL-{id:D4}", "P0012", "JS", line, stage, end, rate ?? Pounds(15_750m), total, above ?? Money.Zero);

    /// <summary>
    /// October → November: PL-0001 leaves 31 December (−£3,937.50), PL-0002 moves to £18,900 a year (+£1,575.00), PL-0003's
    /// approved invoices are £500 above its agreement (+£500), PL-0004's payments were corrected (+£100), PL-0005 is new
    /// (+£3,937.50), the trend on 1.2.1 re-measured (+£2,000), £250 else on 1.2.1 and 1.2.5's budget revised (+£5,000).
    /// Previous £170,000; current £179,425: a movement of £9,425.
    /// </summary>
    private static ForecastMovementResult OctoberToNovember()
    {
        LineTotals[] previousLines = [new("1.2.1", Pounds(100_000m), Pounds(10_000m)), new("1.2.3", Pounds(50_000m), Money.Zero), new("1.2.5", Pounds(20_000m), Money.Zero)];
        PlacementPart[] previous =
        [
            Part(1, "1.2.1", Pounds(15_750m)), Part(2, "1.2.1", Pounds(15_750m)),
            Part(3, "1.2.3", Pounds(36_000m), rate: Pounds(36_000m)), Part(4, "1.2.1", Pounds(10_000m)),
        ];
        LineTotals[] currentLines = [new("1.2.1", Pounds(103_925m), Pounds(12_000m)), new("1.2.3", Pounds(50_500m), Money.Zero), new("1.2.5", Pounds(25_000m), Money.Zero)];
        PlacementPart[] current =
        [
            Part(1, "1.2.1", Pounds(11_812.50m), end: new(2026, 12, 31)), Part(2, "1.2.1", Pounds(17_325m), rate: Pounds(18_900m)),
            Part(3, "1.2.3", Pounds(36_500m), rate: Pounds(36_000m), above: Pounds(500m)), Part(4, "1.2.1", Pounds(10_100m)),
            Part(5, "1.2.1", Pounds(3_937.50m), stage: PlacementStage.NotStarted),
        ];
        return ForecastMovement.Between(new(2026, 10, 15), previousLines, previous, AsAt, currentLines, current);
    }

    [Fact]
    public void Movement_EachCauseIsClassified_WithItsAmount()
    {
        var movement = OctoberToNovember();
        var byCause = movement.Causes.ToDictionary(c => c.Cause, c => c.Amount);
        Assert.Equal(Pounds(3_937.50m), byCause[MovementCause.NewPlacements]);
        Assert.Equal(Pounds(-3_937.50m), byCause[MovementCause.EndedPlacements]);
        Assert.Equal(Pounds(1_575m), byCause[MovementCause.RateChanges]);
        Assert.Equal(Pounds(500m), byCause[MovementCause.InvoicesAboveExpected]);
        Assert.Equal(Pounds(2_000m), byCause[MovementCause.NewPlacementTrend]);
        Assert.Equal(Pounds(5_000m), byCause[MovementCause.PlaceFundingAndOtherLines]);
        Assert.Equal(Pounds(350m), byCause[MovementCause.Other]); // PL-0004's £100 and the £250 left on 1.2.1

        var items = movement.Causes.SelectMany(c => c.Items).Where(i => i.PlacementReference is not null).ToDictionary(i => i.PlacementReference!);
        Assert.Equal(MovementCause.NewPlacements, items["PL-0005"].Cause);
        Assert.Equal(MovementCause.EndedPlacements, items["PL-0001"].Cause);
        Assert.Equal(MovementCause.RateChanges, items["PL-0002"].Cause);
        Assert.Equal(MovementCause.InvoicesAboveExpected, items["PL-0003"].Cause);
        Assert.Equal(MovementCause.Other, items["PL-0004"].Cause);
        Assert.Contains("31 Dec 2026", items["PL-0001"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Movement_CausesAddUpToTheMovementExactly_9425()
    {
        var movement = OctoberToNovember();
        Assert.Equal((Pounds(170_000m), Pounds(179_425m), Pounds(9_425m)), (movement.Previous, movement.Current, movement.Total));
        Assert.Equal(movement.Total, Money.Sum(movement.Causes.Select(c => c.Amount)));
        Assert.All(movement.Causes, c => Assert.Equal(c.Amount, Money.Sum(c.Items.Select(i => i.Amount))));
    }

    [Fact]
    public void Movement_ProposedPlacementThatStarted_IsNewEvenThoughItWasThereLastMonth()
    {
        LineTotals[] before = [new("1.2.1", Pounds(2_000m), Money.Zero)];
        LineTotals[] after = [new("1.2.1", Pounds(2_500m), Money.Zero)];
        var movement = ForecastMovement.Between(new(2026, 10, 15), before, [Part(9, "1.2.1", Pounds(2_000m), stage: PlacementStage.Proposed)],
            AsAt, after, [Part(9, "1.2.1", Pounds(2_500m))]);
        var cause = Assert.Single(movement.Causes);
        Assert.Equal((MovementCause.NewPlacements, Pounds(500m)), (cause.Cause, cause.Amount));
    }

    [Fact]
    public void Movement_BetweenTwoComputedForecasts_AddsUp()
    {
        // October: the worked year without the proposed placement; November: as worked.
        var october = HighNeedsForecast.Compute(Inputs(WorkedYear().Where(p => p.PlacementId != 3).ToList(), asAt: new(2026, 10, 15)), ForecastOptions.Base, RagThresholds.Default);
        var november = HighNeedsForecast.Compute(Inputs(WorkedYear()), ForecastOptions.Base, RagThresholds.Default);
        var movement = ForecastMovement.Between(october.AsAt, ForecastMovement.Lines(october), october.Placements.Select(PlacementPart.From).ToList(),
            november.AsAt, ForecastMovement.Lines(november), november.Placements.Select(PlacementPart.From).ToList());
        Assert.Equal(november.Forecast - october.Forecast, movement.Total);
        var added = Assert.Single(movement.Causes, c => c.Cause == MovementCause.NewPlacements);
        Assert.Equal(Pounds(2_000m), added.Amount);
        Assert.Equal("PL-0003", Assert.Single(added.Items).PlacementReference);
    }
}
