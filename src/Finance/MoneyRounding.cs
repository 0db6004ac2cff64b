using System.Diagnostics;
using System.Numerics;

namespace Placements.Finance;

/// <summary>How an amount that falls between two whole pennies is brought to a penny.</summary>
public enum MoneyRounding
{
    /// <summary>Nearest penny; a half penny goes away from zero (0.5p → 1p, −0.5p → −1p), as Excel's <c>ROUND</c>.</summary>
    HalfAwayFromZero,

    /// <summary>Nearest penny; a half penny goes to the even penny (0.5p → 0p, 1.5p → 2p), "banker's rounding".</summary>
    HalfToEven,

    /// <summary>Toward zero: drops the fraction (1.9p → 1p, −1.9p → −1p).</summary>
    Down,

    /// <summary>Toward negative infinity (1.9p → 1p, −1.1p → −2p).</summary>
    Floor,
}

/// <summary>Exact rational arithmetic behind <see cref="Money"/>: no intermediate ever rounds.</summary>
internal static class ExactPence
{
    /// <summary>Splits <paramref name="value"/> into <c>numerator / 10^scale</c> exactly.</summary>
    public static (BigInteger Numerator, int Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
        return (bits[3] < 0 ? -magnitude : magnitude, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>Rounds <c>numerator / denominator</c> (denominator positive) to a whole number of pence.</summary>
    /// <exception cref="OverflowException">The result does not fit in a <see cref="long"/>.</exception>
    public static long Divide(BigInteger numerator, BigInteger denominator, MoneyRounding rounding)
    {
        if (!Enum.IsDefined(rounding)) throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Unknown rounding.");
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder); // truncates toward zero
        if (!remainder.IsZero)
        {
            var awayFromZero = quotient + numerator.Sign;
            var half = (BigInteger.Abs(remainder) * 2).CompareTo(denominator);
            quotient = rounding switch
            {
                MoneyRounding.Down => quotient,
                MoneyRounding.Floor => numerator.Sign < 0 ? awayFromZero : quotient,
                MoneyRounding.HalfAwayFromZero => half >= 0 ? awayFromZero : quotient,
                MoneyRounding.HalfToEven => half > 0 || (half == 0 && !quotient.IsEven) ? awayFromZero : quotient,
                _ => throw new UnreachableException(),
            };
        }
        return ToPence(quotient);
    }

    /// <exception cref="OverflowException"><paramref name="pence"/> does not fit in a <see cref="long"/>.</exception>
    public static long ToPence(BigInteger pence) =>
        pence >= long.MinValue && pence <= long.MaxValue
            ? (long)pence
            : throw new OverflowException($"{pence} pence is outside the range Money can hold.");
}
