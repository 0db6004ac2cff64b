using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Placements.Finance.Tests;

/// <summary>Allocation weights: one to a dozen, non-negative, not all zero, mixing whole, scaled and repeating decimals.</summary>
public sealed record Weights(decimal[] Values)
{
    public override string ToString() => $"[{string.Join(", ", Values)}]";
}

public static class MoneyArbitraries
{
    private static Gen<long> AnyLong =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)high << 32) | (uint)low;

    /// <summary>Pennies, ordinary sums, huge sums and the edges of the range, positive and negative.</summary>
    public static Arbitrary<Money> Money() =>
        Gen.Frequency(
                (4, Gen.Choose(-100_000, 100_000).Select(p => (long)p)),
                (3, Gen.Choose(int.MinValue, int.MaxValue).Select(p => (long)p)),
                (3, AnyLong),
                (1, Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, long.MinValue + 1)))
            .Select(Finance.Money.FromPence)
            .ToArbitrary();

    public static Arbitrary<Weights> Weights()
    {
        var weight = Gen.Frequency(
            (3, Gen.Choose(0, 10).Select(w => (decimal)w)),
            (3, Gen.Choose(0, 1_000_000).Select(w => (decimal)w)),
            (2, from mantissa in Gen.Choose(0, int.MaxValue)
                from scale in Gen.Choose(0, 9)
                select new decimal(mantissa, 0, 0, false, (byte)scale)),
            (1, Gen.Elements(1m / 3, 2m / 3, 1m / 7, 0.0000000000000000000000000001m)));
        return Gen.Choose(1, 12)
            .SelectMany(count => weight.ArrayOf(count))
            .Where(values => values.Any(w => w > 0))
            .Select(values => new Weights(values))
            .ToArbitrary();
    }
}

[Properties(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 500)]
public class MoneyProperties
{
    // ---- Allocate ----

    [Property]
    public bool Allocate_NWays_SharesSumExactlyToTheTotal(Money total, PositiveInt n) =>
        Money.Sum(total.Allocate(n.Get)) == total && total.Allocate(n.Get).Length == n.Get;

    [Property]
    public bool Allocate_ByWeights_SharesSumExactlyToTheTotal(Money total, Weights weights) =>
        Money.Sum(total.Allocate(weights.Values)) == total && total.Allocate(weights.Values).Length == weights.Values.Length;

    [Property]
    public bool Allocate_NWays_NoShareHasTheOppositeSignToTheTotal(Money total, PositiveInt n) =>
        total.Allocate(n.Get).All(share => share.IsZero || share.IsNegative == total.IsNegative);

    [Property]
    public bool Allocate_ByWeights_NoShareHasTheOppositeSignToTheTotal(Money total, Weights weights) =>
        total.Allocate(weights.Values).All(share => share.IsZero || share.IsNegative == total.IsNegative);

    [Property]
    public void Allocate_EqualSplit_SharesDifferByAtMostAPennyLargerFirst(Money total, PositiveInt n)
    {
        var sizes = total.Allocate(n.Get).Select(share => Math.Abs((decimal)share.Pence)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"shares {string.Join(", ", sizes)} differ by more than 1p");
        Assert.Equal(sizes.OrderDescending(), sizes); // the odd pennies go to the earliest shares
    }

    [Property]
    public void Allocate_ByWeights_EachShareIsWithinAPennyOfItsExactProportion(Money total, Weights weights)
    {
        // Exact arithmetic: each weight as a whole number of 10^-28ths, so |share − total × w / Σw| < 1 becomes
        // |share × Σw − total × w| < Σw (a decimal would lose a 1e-28 weight beside a large one).
        var scaled = weights.Values
            .Select(w => BigInteger.Parse(w.ToString("F28", CultureInfo.InvariantCulture).Replace(".", ""), CultureInfo.InvariantCulture))
            .ToArray();
        var sum = scaled.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var shares = total.Allocate(weights.Values);
        for (var i = 0; i < shares.Length; i++)
        {
            var error = BigInteger.Abs(shares[i].Pence * sum - total.Pence * scaled[i]);
            Assert.True(error < sum, $"share {i} is {shares[i].Pence}p, not within 1p of {total.Pence}p × {weights.Values[i]} / {weights.Values.Sum()}");
            if (weights.Values[i] == 0) Assert.Equal(Money.Zero, shares[i]);
        }
    }

    [Property]
    public void Allocate_SameInput_GivesSameOutput(Money total, Weights weights, PositiveInt n)
    {
        Assert.Equal(total.Allocate(weights.Values), total.Allocate(weights.Values));
        Assert.Equal(total.Allocate(n.Get), total.Allocate(n.Get));
        // Exactness: weights scaled by any factor, or written with more decimal places, split the same way.
        Assert.Equal(total.Allocate(weights.Values), total.Allocate(weights.Values.Select(w => w * 10m).ToArray()));
        Assert.Equal(total.Allocate(weights.Values), total.Allocate(weights.Values.Select(w => w * 1.00m).ToArray()));
        Assert.Equal(total.Allocate(n.Get), total.Allocate(Enumerable.Repeat(2.5m, n.Get).ToArray()));
    }

    // ---- Text ----

    [Property]
    public bool Parse_OfToString_GivesBackTheAmount(Money amount) => Money.Parse(amount.ToString()) == amount;

    [Property]
    public bool Parse_OfToPlainString_GivesBackTheAmount(Money amount) => Money.Parse(amount.ToPlainString()) == amount;

    [Property]
    public bool FromPounds_OfToPounds_GivesBackTheAmount(Money amount) => Money.FromPounds(amount.ToPounds()) == amount;

    // ---- Arithmetic (int-range pence, so three can be added without overflow) ----

    [Property]
    public bool Add_IsAssociative(DoNotSize<int> a, DoNotSize<int> b, DoNotSize<int> c)
    {
        var (x, y, z) = (new Money(a.Item), new Money(b.Item), new Money(c.Item));
        return (x + y) + z == x + (y + z) && (x + y + z).Pence == (long)a.Item + b.Item + c.Item;
    }

    [Property]
    public bool Add_IsCommutative(DoNotSize<int> a, DoNotSize<int> b) =>
        new Money(a.Item) + new Money(b.Item) == new Money(b.Item) + new Money(a.Item);

    [Property]
    public bool Subtract_AnAmountFromItself_IsZero(Money amount) => amount - amount == Money.Zero;

    [Property]
    public bool Add_AnAmountToItsNegation_IsZero(Money amount)
    {
        var x = amount.Pence == long.MinValue ? new Money(long.MinValue + 1) : amount; // −long.MinValue overflows
        return x + (-x) == Money.Zero && (-x).Pence == -x.Pence;
    }
}
