using System.Globalization;
using Xunit;

namespace Placements.Finance.Tests;

public class MoneyTests
{
    private static long[] Pence(IEnumerable<Money> shares) => shares.Select(s => s.Pence).ToArray();

    // ---- Making and reading amounts ----

    [Fact]
    public void FromPounds_TwoDecimalPlaces_HoldsTheExactPence()
    {
        Assert.Equal(123456, Money.FromPounds(1234.56m).Pence);
        Assert.Equal(-5, Money.FromPounds(-0.05m).Pence);
        Assert.Equal(123, Money.FromPounds(1.230m).Pence); // trailing zeros are still whole pennies
    }

    [Fact]
    public void FromPounds_FractionOfAPenny_ThrowsRatherThanRounding()
    {
        var error = Assert.Throws<ArgumentException>(() => Money.FromPounds(1.234m));
        Assert.Contains("1.234 pounds has more than 2 decimal places", error.Message);
    }

    [Fact]
    public void FromPounds_TooLargeForPence_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => Money.FromPounds(decimal.MaxValue));

    public static TheoryData<decimal, MoneyRounding, long> RoundedPounds => new()
    {
        { 0.005m, MoneyRounding.HalfAwayFromZero, 1 },
        { 0.005m, MoneyRounding.HalfToEven, 0 },
        { 0.015m, MoneyRounding.HalfToEven, 2 },
        { -0.005m, MoneyRounding.HalfAwayFromZero, -1 },
        { 1.239m, MoneyRounding.Down, 123 },
        { -1.239m, MoneyRounding.Down, -123 },
        { 1.239m, MoneyRounding.Floor, 123 },
        { -1.231m, MoneyRounding.Floor, -124 },
        { 1461.340206m, MoneyRounding.HalfAwayFromZero, 146134 }, // 18/194 × £15,750 (domain §4)
    };

    [Theory, MemberData(nameof(RoundedPounds))]
    public void FromPoundsRounded_FractionOfAPenny_RoundsToThePennyAsNamed(decimal pounds, MoneyRounding rounding, long expectedPence) =>
        Assert.Equal(expectedPence, Money.FromPoundsRounded(pounds, rounding).Pence);

    [Fact]
    public void ToPounds_AnyAmount_IsExact()
    {
        Assert.Equal(1234.56m, new Money(123456).ToPounds());
        Assert.Equal(-92233720368547758.08m, new Money(long.MinValue).ToPounds());
    }

    // ---- Arithmetic ----

    [Fact]
    public void Operators_AddSubtractNegateAndCompareByPence()
    {
        Assert.Equal(new Money(1250), new Money(1000) + new Money(250));
        Assert.Equal(new Money(-250), new Money(1000) - new Money(1250));
        Assert.Equal(new Money(-1000), -new Money(1000));
        Assert.True(new Money(-1) < Money.Zero && Money.Zero > new Money(-1));
        Assert.True(new Money(5) <= new Money(5) && new Money(5) >= new Money(5) && !(new Money(6) <= new Money(5)));
        Assert.Equal([new Money(-3), Money.Zero, new Money(7)], new[] { new Money(7), new Money(-3), Money.Zero }.Order());
    }

    [Fact]
    public void SignAndAbs_DescribeTheAmount()
    {
        Assert.True(new Money(-1).IsNegative);
        Assert.False(Money.Zero.IsNegative);
        Assert.True(Money.Zero.IsZero);
        Assert.False(new Money(1).IsZero);
        Assert.Equal(new Money(1250), new Money(-1250).Abs());
    }

    [Fact]
    public void Sum_AddsEveryAmount_AndIsZeroForNone()
    {
        Assert.Equal(new Money(1101), Money.Sum([new Money(1000), new Money(-99), new Money(200)]));
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    [Fact]
    public void Arithmetic_BeyondTheRangeOfPence_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue).Abs());
        Assert.Throws<OverflowException>(() => Money.Sum([new Money(long.MaxValue), new Money(1)]));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue).Multiply(2m));
        Assert.Throws<OverflowException>(() => Money.FromPoundsRounded(decimal.MinValue, MoneyRounding.Down));
    }

    // ---- Multiply: one method, rounding named ----

    public static TheoryData<long, decimal, MoneyRounding, long> Products => new()
    {
        { 1, 0.5m, MoneyRounding.HalfAwayFromZero, 1 },
        { 1, 0.5m, MoneyRounding.HalfToEven, 0 },
        { 1, 0.5m, MoneyRounding.Down, 0 },
        { 1, 0.5m, MoneyRounding.Floor, 0 },
        { 3, 0.5m, MoneyRounding.HalfAwayFromZero, 2 },
        { 3, 0.5m, MoneyRounding.HalfToEven, 2 },
        { 3, 0.5m, MoneyRounding.Down, 1 },
        { 3, 0.5m, MoneyRounding.Floor, 1 },
        { -1, 0.5m, MoneyRounding.HalfAwayFromZero, -1 },
        { -1, 0.5m, MoneyRounding.HalfToEven, 0 },
        { -1, 0.5m, MoneyRounding.Down, 0 },
        { -1, 0.5m, MoneyRounding.Floor, -1 },
        { -3, 0.5m, MoneyRounding.HalfToEven, -2 },
        { 100, 0.3349m, MoneyRounding.HalfAwayFromZero, 33 },
        { 100, 0.3351m, MoneyRounding.HalfToEven, 34 },
        { 1_575_000, 18m / 194m, MoneyRounding.HalfAwayFromZero, 146_134 }, // 18/194 × £15,750 = £1,461.34 (domain §4)
    };

    [Theory, MemberData(nameof(Products))]
    public void Multiply_ByRate_RoundsToThePennyAsNamed(long pence, decimal rate, MoneyRounding rounding, long expectedPence) =>
        Assert.Equal(expectedPence, new Money(pence).Multiply(rate, rounding).Pence);

    [Fact]
    public void Multiply_WithoutNamingRounding_RoundsHalfAwayFromZero()
    {
        Assert.Equal(new Money(1), new Money(1).Multiply(0.5m));
        Assert.Equal(new Money(-1), new Money(-1).Multiply(0.5m));
        Assert.Equal(new Money(3), new Money(5).Multiply(0.5m));
    }

    [Fact]
    public void Multiply_ProductBeyondDecimalPrecision_RoundsTheExactProduct()
    {
        // Exactly 8,000,000,000,000,000,002.4999999997…p; a decimal product keeps 29 digits, reads …002.5 and rounds up.
        var product = new Money(3_200_000_000_000_000_001).Multiply(2.4999999999999999999999999999m);
        Assert.Equal(8_000_000_000_000_000_002, product.Pence);
    }

    [Fact]
    public void Multiply_UnknownRounding_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(100).Multiply(0.5m, (MoneyRounding)99));

    // ---- Allocate ----

    [Fact]
    public void Allocate_ElevenPenceSevenWays_GivesExtraPenniesToEarliestShares() =>
        Assert.Equal([2, 2, 2, 2, 1, 1, 1], Pence(new Money(11).Allocate(7)));

    [Fact]
    public void Allocate_HundredPoundsByEqualWeights_GivesOddPennyToFirstShare() =>
        Assert.Equal([3334, 3333, 3333], Pence(Money.FromPounds(100m).Allocate([1m, 1m, 1m])));

    [Fact]
    public void Allocate_NegativeTotal_SplitsItsSizeAndNegatesEveryShare()
    {
        Assert.Equal([-2, -2, -2, -2, -1, -1, -1], Pence(new Money(-11).Allocate(7)));
        Assert.Equal([-3334, -3333, -3333], Pence(Money.FromPounds(-100m).Allocate([1m, 1m, 1m])));
    }

    [Fact]
    public void Allocate_ByUnequalWeights_SplitsInProportion()
    {
        // £100 × 1/6, 2/6, 3/6 = 1666.67p, 3333.33p, 5000p: floors 1666, 3333, 5000 leave 1p for the first.
        Assert.Equal([1667, 3333, 5000], Pence(Money.FromPounds(100m).Allocate([1m, 2m, 3m])));
        Assert.Equal([34, 33, 33], Pence(new Money(100).Allocate([1m / 3, 1m / 3, 1m / 3])));
    }

    [Fact]
    public void Allocate_LeftoverPenny_SkipsSharesThatWereAlreadyExact()
    {
        Assert.Equal([0, 1, 0], Pence(new Money(1).Allocate([0m, 1m, 1m]))); // a zero weight gets nothing
        Assert.Equal([3, 2, 1], Pence(new Money(6).Allocate([2m, 1m, 1m]))); // 3p is exact; 1.5p and 1.5p are not
    }

    [Fact]
    public void Allocate_MostNegativeAmount_StillSumsExactly() =>
        Assert.Equal([-3_074_457_345_618_258_603, -3_074_457_345_618_258_603, -3_074_457_345_618_258_602],
            Pence(new Money(long.MinValue).Allocate(3)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Allocate_FewerThanOneShare_Throws(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(100).Allocate(n));

    public static TheoryData<decimal[], string> BadWeights => new()
    {
        { [], "at least one weight" },
        { [1m, -0.5m], "weight 1 is -0.5" },
        { [0m, 0m], "must sum to more than zero" },
    };

    [Theory, MemberData(nameof(BadWeights))]
    public void Allocate_BadWeights_ThrowsSayingWhy(decimal[] weights, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new Money(100).Allocate(weights));
        Assert.Contains(reason, error.Message);
    }

    // ---- Formatting ----

    [Theory]
    [InlineData(123456, "£1,234.56", "1234.56")]
    [InlineData(-1250, "-£12.50", "-12.50")]
    [InlineData(0, "£0.00", "0.00")]
    [InlineData(5, "£0.05", "0.05")]
    [InlineData(-5, "-£0.05", "-0.05")]
    [InlineData(100_000_000, "£1,000,000.00", "1000000.00")]
    [InlineData(long.MinValue, "-£92,233,720,368,547,758.08", "-92233720368547758.08")]
    public void ToString_FormatsPoundsForPeople_AndPlainForCsv(long pence, string display, string plain)
    {
        Assert.Equal(display, new Money(pence).ToString());
        Assert.Equal(plain, new Money(pence).ToPlainString());
    }

    [Fact]
    public void ToString_OnAMachineWithAnotherCulture_StillWritesEnGb()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // writes 1.234,56
            Assert.Equal("£1,234.56", new Money(123456).ToString());
            Assert.Equal("1234.56", new Money(123456).ToPlainString());
            Assert.Equal(new Money(123456), Money.Parse("£1,234.56"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    // ---- Parsing ----

    [Theory]
    [InlineData("1234.56", 123456)]
    [InlineData("1234", 123400)]
    [InlineData("1234.5", 123450)]
    [InlineData("£1,234.56", 123456)]
    [InlineData("1,234,567.89", 123456789)]
    [InlineData("-12.5", -1250)]
    [InlineData("-£12.50", -1250)]
    [InlineData("£-12.50", -1250)]
    [InlineData("  £0.05\t", 5)]
    [InlineData("0", 0)]
    [InlineData("£92,233,720,368,547,758.07", long.MaxValue)]
    [InlineData("-£92,233,720,368,547,758.08", long.MinValue)]
    public void Parse_WrittenAmount_ReadsExactPence(string text, long expectedPence)
    {
        Assert.Equal(expectedPence, Money.Parse(text).Pence);
        Assert.True(Money.TryParse(text, out var money, out var error));
        Assert.Equal(expectedPence, money.Pence);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("1.234", "more than 2 decimal places")]
    [InlineData("12,34", "groups of 3 digits")]
    [InlineData("1234,567", "groups of 3 digits")]
    [InlineData(",123", "groups of 3 digits")]
    [InlineData("abc", "'a' is not allowed")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("1e5", "'e' is not allowed")]
    [InlineData("£", "no digits")]
    [InlineData("-", "no digits")]
    [InlineData("£ 12", "' ' is not allowed")]
    [InlineData("--12", "'-' is not allowed")]
    [InlineData("-£-12", "'-' is not allowed")]
    [InlineData("+12", "'+' is not allowed")]
    [InlineData("12.", "digits on both sides")]
    [InlineData(".5", "digits on both sides")]
    [InlineData("1.2.3", "after the decimal point")]
    [InlineData("99999999999999999999", "too large")]
    [InlineData("£92,233,720,368,547,758.08", "too large")]
    public void Parse_MalformedAmount_SaysWhatWasWrongAndQuotesTheInput(string text, string reason)
    {
        Assert.False(Money.TryParse(text, out var money, out var error));
        Assert.Equal(Money.Zero, money);
        Assert.Contains($"'{text}'", error);
        Assert.Contains(reason, error);

        var thrown = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void TryParse_Null_SaysItIsEmpty()
    {
        Assert.False(Money.TryParse(null, out _, out var error));
        Assert.Contains("empty", error);
    }
}
