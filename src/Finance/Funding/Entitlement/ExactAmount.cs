using System.Globalization;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// An exact fraction of pence, <see cref="NumeratorPence"/> / <see cref="Denominator"/>: an entitlement before it is
/// rounded. Pro-rating divides by 12 × days in a month, by days in the year or by school days in the year, so an
/// entitlement is rarely a whole penny; holding it as a fraction means a half-penny tie is a tie exactly and always
/// rounds the same way, and rounding happens once, at the cumulative figure.
/// </summary>
public readonly struct ExactAmount : IEquatable<ExactAmount>, IComparable<ExactAmount>
{
    /// <summary>The fraction <paramref name="numeratorPence"/> / <paramref name="denominator"/> of a penny.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is not positive.</exception>
    public ExactAmount(Int128 numeratorPence, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        NumeratorPence = numeratorPence;
        this.denominator = denominator;
    }

    /// <summary>No money, exactly.</summary>
    public static ExactAmount Zero => new(0, 1);

    private readonly long denominator; // 0 only in default(ExactAmount), which reads as 0/1

    /// <summary>The numerator, in pence.</summary>
    public Int128 NumeratorPence { get; }

    /// <summary>The denominator, always positive (1 for <c>default</c>).</summary>
    public long Denominator => denominator == 0 ? 1 : denominator;

    /// <summary>Rounded to the penny, half away from zero (as Excel's <c>ROUND</c>): the only rounding an entitlement gets.</summary>
    public Money Rounded()
    {
        var quotient = Int128.DivRem(NumeratorPence, Denominator);
        var (whole, remainder) = (quotient.Quotient, quotient.Remainder);
        if (Int128.Abs(remainder) * 2 >= Denominator) whole += Int128.Sign(NumeratorPence);
        return Money.FromPence(checked((long)whole));
    }

    /// <summary>How far the rounded figure is from this one, in pence, as an exact fraction (never more than ½).</summary>
    public ExactAmount RoundingError() => new(Rounded().Pence * (Int128)Denominator - NumeratorPence, Denominator);

    /// <summary>The amount in pence as a decimal, for display; may lose digits beyond decimal's precision.</summary>
    public decimal ToDecimalPence() => (decimal)NumeratorPence / Denominator;

    /// <inheritdoc/>
    public bool Equals(ExactAmount other) => NumeratorPence * other.Denominator == other.NumeratorPence * Denominator;

    /// <inheritdoc/>
    public int CompareTo(ExactAmount other) => (NumeratorPence * other.Denominator).CompareTo(other.NumeratorPence * Denominator);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExactAmount other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ToDecimalPence().GetHashCode();

    /// <summary>Whether two amounts are the same fraction (2/4 equals 1/2).</summary>
    public static bool operator ==(ExactAmount left, ExactAmount right) => left.Equals(right);

    /// <summary>Whether two amounts are different fractions.</summary>
    public static bool operator !=(ExactAmount left, ExactAmount right) => !left.Equals(right);

    /// <summary>The fraction as held and its rounded figure, e.g. <c>28350000/194p (≈ £1,461.34)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{NumeratorPence}/{Denominator}p (≈ {Rounded()})");
}
