using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Finance.PooledFunding;
using Xunit;

namespace Placements.Finance.Tests.PooledFunding;

/// <summary>A payment for a service period in 2026/27 and a history of splits (each a percentage split), some of which may end.</summary>
public sealed record PaymentUnderSplits(PaidForPlacement Paid, IReadOnlyList<SplitInForce> Splits)
{
    public override string ToString() =>
        $"{Paid.Amount} for {Paid.ServicePeriod}; splits " + string.Join("; ", Splits.Select(s => $"{s.From}–{s.Until?.ToString() ?? "open"}: {s.Split}"));
}

public static class RechargeArbitraries
{
    private static readonly LocalDate YearStart = new(2026, 4, 1);

    private static Gen<CostSplit> Split() =>
        from education in Gen.Choose(0, 10_000)
        from health in Gen.Choose(0, 10_000 - education)
        select CostSplit.ByPercentages(Money.FromPounds(50_000m), new Dictionary<Partner, decimal>
        {
            [Partner.Education] = education / 100m, [Partner.Health] = health / 100m, [Partner.SocialCare] = (10_000 - education - health) / 100m,
        });

    public static Arbitrary<PaymentUnderSplits> Payments() =>
        (from start in Gen.Choose(0, 300)
         from length in Gen.Choose(1, 65)
         from pence in Gen.Choose(-5_000_000, 50_000_000)
         from count in Gen.Choose(0, 4)
         from offsets in Gen.Choose(0, 364).ArrayOf(count)
         from splits in Split().ArrayOf(count)
         from ends in Gen.Choose(-1, 120).ArrayOf(count)
         let froms = offsets.Distinct().Order().ToArray()
         select new PaymentUnderSplits(
             new PaidForPlacement(1, "PL-1", new DateInterval(YearStart.PlusDays(start), YearStart.PlusDays(start + length - 1)), Money.FromPence(pence), "paid"),
             froms.Select((f, i) => new SplitInForce(YearStart.PlusDays(f), ends[i] < 0 ? null : YearStart.PlusDays(f + ends[i]), splits[i])).ToList()))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(RechargeArbitraries)], MaxTest = 300)]
public class RechargeProperties
{
    /// <summary>Each piece's shares add up to the piece: what is recharged plus what the council keeps is never more or less than was paid.</summary>
    [Property]
    public void EveryPieceIsSharedExactly_AndNoPieceIsRechargedTwice(PaymentUnderSplits p)
    {
        var shares = Recharges.For(p.Paid, p.Splits);
        var pieces = shares.GroupBy(s => s.Days).ToList();
        Assert.All(pieces, g => Assert.Equal(3, g.Count()));
        Assert.Equal(pieces.Count, pieces.Select(g => g.Key).Distinct().Count());
        // Days under a split add up to no more than the period; when a split covers the whole period, the shares are the whole payment.
        var jointDays = pieces.Sum(g => g.Key.Length);
        Assert.True(jointDays <= p.Paid.ServicePeriod.Length);
        if (jointDays == p.Paid.ServicePeriod.Length) Assert.Equal(p.Paid.Amount, Money.Sum(shares.Select(s => s.Amount)));
    }

    /// <summary>No partner's part of a payment has the opposite sign to the payment (a recovery never charges a partner).</summary>
    [Property]
    public bool NoShareHasTheOppositeSignToThePayment(PaymentUnderSplits p) =>
        Recharges.For(p.Paid, p.Splits).All(s => s.Amount.IsZero || s.Amount.IsNegative == p.Paid.Amount.IsNegative);

    /// <summary>Each partner's part is within a penny per piece of its exact share of the days under each split.</summary>
    [Property]
    public void EachPartnerIsWithinAPennyPerPieceOfItsExactShare(PaymentUnderSplits p)
    {
        var shares = Recharges.For(p.Paid, p.Splits);
        var pieces = shares.Select(s => s.Days).Distinct().Count();
        foreach (var partner in CostSplit.All)
        {
            var exact = shares.Where(s => s.Partner == partner)
                .Sum(s => p.Paid.Amount.Pence * (decimal)s.Days.Length / p.Paid.ServicePeriod.Length
                          * p.Splits.Last(x => x.From <= s.Days.Start).Split.Shares.Single(x => x.Partner == partner).Percent / 100m);
            var actual = Money.Sum(shares.Where(s => s.Partner == partner).Select(s => s.Amount)).Pence;
            Assert.True(Math.Abs(actual - exact) <= 2 * pieces, $"{partner}: {actual}p against an exact {exact}p");
        }
    }
}
