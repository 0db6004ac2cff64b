using NodaTime;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Xunit;

namespace Placements.Finance.Tests.PooledFunding;

public class CostSplitTests
{
    private static readonly Money Cost = Money.FromPounds(120_000m);

    private static CostSplit Percent(decimal education, decimal health, decimal social, Money? cost = null) =>
        CostSplit.ByPercentages(cost ?? Cost, new Dictionary<Partner, decimal> { [Partner.Education] = education, [Partner.Health] = health, [Partner.SocialCare] = social });

    [Fact]
    public void ByPercentages_50_30_20_OfA120000Placement_GivesEachPartnersAnnualSum()
    {
        var split = Percent(50, 30, 20);
        Assert.Equal([Money.FromPounds(60_000m), Money.FromPounds(36_000m), Money.FromPounds(24_000m)], split.Shares.Select(s => s.AnnualSum));
        Assert.Equal("education 50%, health (ICB) 30%, social care 20%", split.ToString());
    }

    [Theory]
    [InlineData(50, 30, 19.99, "The percentages add up to 99.99%, not 100%: short by 0.01%.")]
    [InlineData(50, 30, 21, "The percentages add up to 101%, not 100%: over by 1%.")]
    public void ByPercentages_NotSummingTo100_IsRefusedSayingByHowMuch(decimal education, decimal health, decimal social, string message)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Percent(education, health, social));
        Assert.Equal(("SplitMustSumToWholeCost", message), (refused.Rule, refused.Message));
    }

    [Fact]
    public void ByFixedSums_APennyShortOfTheWholeCost_IsRefused()
    {
        var refused = Assert.Throws<DomainRuleException>(() => CostSplit.ByFixedSums(Cost, new Dictionary<Partner, Money>
        {
            [Partner.Education] = Money.FromPounds(70_000m), [Partner.Health] = Money.FromPounds(49_999.99m),
        }));
        Assert.Equal(("SplitMustSumToWholeCost", "The sums add up to £119,999.99, not the whole cost of £120,000.00: short by £0.01."), (refused.Rule, refused.Message));
    }

    [Fact]
    public void ByFixedSums_ToThePenny_SharesAMonthInProportionToTheSums()
    {
        // £70,000 education and £50,000 health of £120,000: a £10,000.00 month is £5,833.33⅓ and £4,166.66⅔.
        var split = CostSplit.ByFixedSums(Cost, new Dictionary<Partner, Money> { [Partner.Education] = Money.FromPounds(70_000m), [Partner.Health] = Money.FromPounds(50_000m) });
        var parts = split.Allocate(Money.FromPounds(10_000m));
        // Both rounded down (£5,833.33 and £4,166.66); the odd penny goes to the earliest, education.
        Assert.Equal([(Partner.Education, Money.FromPounds(5_833.34m)), (Partner.Health, Money.FromPounds(4_166.66m)), (Partner.SocialCare, Money.Zero)], parts);
    }

    [Fact]
    public void Allocate_ThirdsOf100Pounds_TheOddPennyStaysWithEducation_NoPartnerPaysMoreThanItsShare()
    {
        var split = Percent(33.34m, 33.33m, 33.33m);
        Assert.Equal([Money.FromPounds(33.34m), Money.FromPounds(33.33m), Money.FromPounds(33.33m)], split.Allocate(Money.FromPounds(100m)).Select(p => p.Amount));
        var equal = CostSplit.ByFixedSums(Money.FromPence(3), new Dictionary<Partner, Money>
            { [Partner.Education] = Money.FromPence(1), [Partner.Health] = Money.FromPence(1), [Partner.SocialCare] = Money.FromPence(1) });
        // £1.00 in thirds: 33.33p each rounded down, the odd penny to education.
        Assert.Equal([34L, 33L, 33L], equal.Allocate(Money.FromPounds(1m)).Select(p => p.Amount.Pence));
    }

    [Fact]
    public void NegativeShare_OrNoCost_IsRefusedByName()
    {
        Assert.Equal("SplitShareMustNotBeNegative", Assert.Throws<DomainRuleException>(() => Percent(110, -10, 0)).Rule);
        Assert.Equal("SplitCostMustBePositive", Assert.Throws<DomainRuleException>(() => Percent(100, 0, 0, Money.Zero)).Rule);
    }
}

public class RechargesTests
{
    private static readonly CostSplit Half = CostSplit.ByPercentages(Money.FromPounds(36_000m),
        new Dictionary<Partner, decimal> { [Partner.Education] = 50, [Partner.Health] = 50 });
    private static readonly CostSplit Thirds = CostSplit.ByPercentages(Money.FromPounds(36_000m),
        new Dictionary<Partner, decimal> { [Partner.Education] = 40, [Partner.Health] = 30, [Partner.SocialCare] = 30 });

    private static PaidForPlacement Paid(decimal pounds, LocalDate from, LocalDate to) =>
        new(1, "PL-1", new DateInterval(from, to), Money.FromPounds(pounds), "top-up");

    private static Money Share(IEnumerable<RechargeShare> shares, Partner partner) => Money.Sum(shares.Where(s => s.Partner == partner).Select(s => s.Amount));

    [Fact]
    public void AWholeMonthUnderOneSplit_IsSharedByIt()
    {
        var shares = Recharges.For(Paid(3_000m, new(2026, 9, 1), new(2026, 9, 30)), [new SplitInForce(new(2026, 9, 1), null, Thirds)]);
        Assert.Equal((Money.FromPounds(1_200m), Money.FromPounds(900m), Money.FromPounds(900m)),
            (Share(shares, Partner.Education), Share(shares, Partner.Health), Share(shares, Partner.SocialCare)));
    }

    [Fact]
    public void ASplitSupersededOn16September_ChangesTheRechargeFromThatDayOnly()
    {
        // £3,000 for September's 30 days: 15 days (1–15) under 50/50 = £1,500, health £750;
        // 15 days (16–30) under 40/30/30 = £1,500, health £450 and social care £450. Health £1,200 in all.
        var shares = Recharges.For(Paid(3_000m, new(2026, 9, 1), new(2026, 9, 30)),
            [new SplitInForce(new(2026, 4, 1), null, Half), new SplitInForce(new(2026, 9, 16), null, Thirds)]);
        Assert.Equal((Money.FromPounds(1_350m), Money.FromPounds(1_200m), Money.FromPounds(450m)),
            (Share(shares, Partner.Education), Share(shares, Partner.Health), Share(shares, Partner.SocialCare)));
        Assert.Equal([new DateInterval(new(2026, 9, 1), new(2026, 9, 15)), new DateInterval(new(2026, 9, 16), new(2026, 9, 30))],
            shares.Select(s => s.Days).Distinct());
    }

    [Fact]
    public void ARecovery_IsSharedAsACreditToEachPartner()
    {
        // A leaver recorded late: £-600.00 recovered for September → health's recharge falls by £180, social care's by £180.
        var shares = Recharges.For(Paid(-600m, new(2026, 9, 1), new(2026, 9, 30)), [new SplitInForce(new(2026, 9, 1), null, Thirds)]);
        Assert.Equal((Money.FromPounds(-240m), Money.FromPounds(-180m), Money.FromPounds(-180m)),
            (Share(shares, Partner.Education), Share(shares, Partner.Health), Share(shares, Partner.SocialCare)));
    }

    [Fact]
    public void DaysBeforeThePanelDecided_AreTheCouncilsOwnCost_NotRecharged()
    {
        // Joint funding from 21 September: 10 of September's 30 days are joint, £1,000 of £3,000; health pays 30% of that.
        var shares = Recharges.For(Paid(3_000m, new(2026, 9, 1), new(2026, 9, 30)), [new SplitInForce(new(2026, 9, 21), null, Thirds)]);
        Assert.Equal((Money.FromPounds(300m), Money.FromPounds(300m)), (Share(shares, Partner.Health), Share(shares, Partner.SocialCare)));
        Assert.Equal(Money.FromPounds(400m), Share(shares, Partner.Education));
    }
}
