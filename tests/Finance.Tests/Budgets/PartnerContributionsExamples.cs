using NodaTime;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.PooledFunding;
using Xunit;
using static Placements.Finance.Tests.Budgets.ForecastCases;

namespace Placements.Finance.Tests.Budgets;

/// <summary>
/// The income the council expects from health and social care against the worked year (forecast on 15 November 2026):
/// each jointly funded placement's forecast cost, spread over its days in the year and shared by the split on each day.
/// </summary>
public class PartnerContributionsExamples
{
    private static CostSplit Split(decimal education, decimal health, decimal social) =>
        CostSplit.ByPercentages(Pounds(60_000m), new Dictionary<Partner, decimal> { [Partner.Education] = education, [Partner.Health] = health, [Partner.SocialCare] = social });

    private static readonly HighNeedsForecastResult Forecast = HighNeedsForecast.Compute(Inputs(WorkedYear()), ForecastOptions.Base, RagThresholds.Default);

    [Fact]
    public void WorkedYear_ASplitFromOctober_AndAPipelinePlacement_GiveEachPartnersExpectedShare()
    {
        var splits = new Dictionary<int, IReadOnlyList<SplitInForce>>
        {
            // PL-0001 costs £15,750.00 for the year (£9,187.50 paid + £6,562.50 committed); the panel split it 50/30/20 only
            // from 1 October. Over its 365 days: 1 April – 30 September (183 days) £7,896.58 stays with education (no split);
            // 1 October – 31 March (182 days) £7,853.42 at 50/30/20 → education £3,926.71, health £2,356.02 + the odd penny
            // = £2,356.03, social care £1,570.68.
            [1] = [new SplitInForce(new LocalDate(2026, 10, 1), null, Split(50, 30, 20))],
            // PL-0002 starts on 1 January: £3,937.50 in the pipeline, all at 50/30/20 → health £1,181.25, social care £787.50.
            [2] = [new SplitInForce(new LocalDate(2027, 1, 1), null, Split(50, 30, 20))],
        };
        var recharged = new Dictionary<Partner, Money> { [Partner.Health] = Pounds(1_000m) };

        var contributions = PartnerContributions.For(Forecast, splits, recharged);

        Assert.Equal(["PL-0001", "PL-0002"], contributions.Placements.Select(p => p.Forecast.Placement.Reference));
        var first = contributions.Placements[0];
        Assert.Equal((Pounds(15_750m), Pounds(7_896.58m + 3_926.71m), Pounds(2_356.03m), Pounds(1_570.68m)),
            (first.Forecast.Total, first.Education, first.Health, first.SocialCare));
        Assert.Equal(Pounds(15_750m), first.Education + first.Health + first.SocialCare);
        Assert.Equal("education 50%, health (ICB) 30%, social care 20% from 1 Oct 2026", first.Split);

        var health = contributions.Partners.Single(p => p.Partner == Partner.Health);
        var social = contributions.Partners.Single(p => p.Partner == Partner.SocialCare);
        Assert.Equal((Pounds(3_537.28m), Pounds(1_000m), Pounds(2_537.28m)), (health.Expected, health.Recharged, health.StillToRecharge));
        Assert.Equal((Pounds(2_358.18m), Money.Zero, Pounds(2_358.18m)), (social.Expected, social.Recharged, social.StillToRecharge));
        Assert.Equal(Pounds(5_895.46m), contributions.Expected);
        Assert.Equal(Forecast.Forecast - Pounds(5_895.46m), contributions.NetOf(Forecast));
    }

    [Fact]
    public void ASplitThatEnded_CountsOnlyItsDays_AndPlacementsNobodySplit_CountNothing()
    {
        // PL-0002's split ended on 31 January (a later decision ended joint funding): of its 90 days in the year, 1–31
        // January (31 days) £1,356.25 is shared: education £678.125 → £678.12 + the odd penny, health £406.875 → £406.87,
        // social care £271.25. The other 59 days' £2,581.25 stay with education.
        var splits = new Dictionary<int, IReadOnlyList<SplitInForce>>
        {
            [2] = [new SplitInForce(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31), Split(50, 30, 20))],
        };

        var contributions = PartnerContributions.For(Forecast, splits, new Dictionary<Partner, Money>());

        var only = Assert.Single(contributions.Placements);
        Assert.Equal("education 50%, health (ICB) 30%, social care 20% from 1 Jan 2027 to 31 Jan 2027", only.Split);
        Assert.Equal((Pounds(678.13m + 2_581.25m), Pounds(406.87m), Pounds(271.25m)), (only.Education, only.Health, only.SocialCare));
        Assert.Equal(Pounds(3_937.50m), only.Education + only.Health + only.SocialCare);
    }
}
