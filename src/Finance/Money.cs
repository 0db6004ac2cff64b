using System.Globalization;
using System.Numerics;

namespace Placements.Finance;

/// <summary>
/// An amount of pounds sterling held exactly as a whole number of pence. Adding and subtracting are exact
/// and checked; multiplying by a rate goes through <see cref="Multiply"/>, which names its rounding.
/// </summary>
/// <param name="Pence">The amount in pence; negative for money owed back (a recovery).</param>
public readonly record struct Money(long Pence) : IComparable<Money>
{
    /// <summary>No money: £0.00.</summary>
    public static readonly Money Zero = new(0);

    /// <summary>The amount of <paramref name="pence"/> pence.</summary>
    public static Money FromPence(long pence) => new(pence);

    /// <summary>The exact amount of <paramref name="pounds"/>; never rounds.</summary>
    /// <exception cref="ArgumentException"><paramref name="pounds"/> has a fraction of a penny.</exception>
    /// <exception cref="OverflowException">The amount is too large to hold in pence.</exception>
    public static Money FromPounds(decimal pounds)
    {
        var (numerator, scale) = ExactPence.Decompose(pounds);
        var pence = BigInteger.DivRem(numerator * 100, BigInteger.Pow(10, scale), out var fraction);
        return fraction.IsZero
            ? new(ExactPence.ToPence(pence))
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{pounds} pounds has more than 2 decimal places; use FromPoundsRounded to round it."), nameof(pounds));
    }

    /// <summary><paramref name="pounds"/> rounded to the penny by <paramref name="rounding"/>.</summary>
    /// <exception cref="OverflowException">The amount is too large to hold in pence.</exception>
    public static Money FromPoundsRounded(decimal pounds, MoneyRounding rounding)
    {
        var (numerator, scale) = ExactPence.Decompose(pounds);
        return new(ExactPence.Divide(numerator * 100, BigInteger.Pow(10, scale), rounding));
    }

    /// <summary>The amount in pounds, exactly (a <see cref="decimal"/> holds every <see cref="long"/> of pence).</summary>
    public decimal ToPounds() => Pence / 100m;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Pence < 0;

    /// <summary>Whether the amount is exactly zero.</summary>
    public bool IsZero => Pence == 0;

    /// <summary>The amount without its sign.</summary>
    /// <exception cref="OverflowException">The amount is the most negative <see cref="long"/> of pence.</exception>
    public Money Abs() => new(Math.Abs(Pence));

    /// <summary>This amount times <paramref name="rate"/>, rounded to the penny by <paramref name="rounding"/>.</summary>
    /// <remarks>The product is computed exactly before the single rounding; it is never rounded twice.</remarks>
    /// <exception cref="OverflowException">The result is too large to hold in pence.</exception>
    public Money Multiply(decimal rate, MoneyRounding rounding = MoneyRounding.HalfAwayFromZero)
    {
        var (numerator, scale) = ExactPence.Decompose(rate);
        return new(ExactPence.Divide(Pence * numerator, BigInteger.Pow(10, scale), rounding));
    }

    /// <summary>Splits this amount into <paramref name="n"/> shares as equal as pennies allow.</summary>
    /// <remarks>See <see cref="Allocate(IReadOnlyList{decimal})"/>: the earliest shares get the odd pennies.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public Money[] Allocate(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return Allocate(Enumerable.Repeat(BigInteger.One, n).ToArray());
    }

    /// <summary>
    /// Splits this amount in proportion to <paramref name="weights"/>, never losing or inventing a penny:
    /// each share is its exact proportion of the amount's size rounded down, and the pennies left over go one each
    /// to the earliest shares that were rounded down (never to the last, nor to a zero weight). So every share is
    /// within a penny of its exact proportion: £0.11 seven ways is 2p, 2p, 2p, 2p, 1p, 1p, 1p, never six 2p and −1p.
    /// A negative amount is split as its size, then every share negated.
    /// </summary>
    /// <exception cref="ArgumentException">There are no weights, a weight is negative, or they sum to zero.</exception>
    public Money[] Allocate(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("Allocation needs at least one weight.", nameof(weights));
        var parts = weights.Select(ExactPence.Decompose).ToArray();
        var maxScale = parts.Max(p => p.Scale);
        var scaled = new BigInteger[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Numerator.Sign < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Allocation weights must not be negative, but weight {i} is {weights[i]}."), nameof(weights));
            scaled[i] = parts[i].Numerator * BigInteger.Pow(10, maxScale - parts[i].Scale);
        }
        if (scaled.All(w => w.IsZero))
            throw new ArgumentException("Allocation weights must sum to more than zero.", nameof(weights));
        return Allocate(scaled);
    }

    private Money[] Allocate(BigInteger[] weights)
    {
        var (size, sign) = (BigInteger.Abs(Pence), Math.Sign(Pence));
        var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        var shares = new BigInteger[weights.Length];
        var roundedDown = new bool[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            shares[i] = BigInteger.DivRem(size * weights[i], total, out var remainder); // non-negative, so this floors
            roundedDown[i] = !remainder.IsZero;
        }
        // The leftover is the sum of the fractions dropped, each under a penny: fewer pennies than rounded-down shares.
        var leftover = size - shares.Aggregate(BigInteger.Zero, (sum, s) => sum + s);
        for (var i = 0; leftover > 0; i++)
        {
            if (!roundedDown[i]) continue;
            shares[i]++;
            leftover--;
        }
        return shares.Select(s => new Money(ExactPence.ToPence(sign < 0 ? -s : s))).ToArray();
    }

    /// <summary>The total of <paramref name="amounts"/>; <see cref="Zero"/> when there are none.</summary>
    /// <exception cref="OverflowException">The total is too large to hold in pence.</exception>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0L;
        foreach (var amount in amounts) total = checked(total + amount.Pence);
        return new(total);
    }

    /// <inheritdoc/>
    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    /// <summary>Formats as en-GB pounds on any machine: <c>£1,234.56</c>, <c>-£12.50</c>, <c>£0.05</c>.</summary>
    public override string ToString() => (Pence < 0 ? "-£" : "£") + PoundsSize.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Formats as plain pounds for CSV exports, no £ and no separators: <c>1234.56</c>, <c>-12.50</c>.</summary>
    public string ToPlainString() => (Pence < 0 ? "-" : "") + PoundsSize.ToString("0.00", CultureInfo.InvariantCulture);

    private decimal PoundsSize => Math.Abs((decimal)Pence) / 100m;

    /// <summary>Reads an amount written as <see cref="ToString"/> or <see cref="ToPlainString"/> write it, culture-invariantly.</summary>
    /// <remarks>Accepts e.g. <c>1234</c>, <c>1234.5</c>, <c>£1,234.56</c>, <c>-£12.50</c>, <c>£-12.50</c>, with surrounding spaces.</remarks>
    /// <exception cref="FormatException"><paramref name="text"/> is not such an amount; the message says why.</exception>
    public static Money Parse(string text) => TryParse(text, out var money, out var error) ? money : throw new FormatException(error);

    /// <summary>Reads an amount as <see cref="Parse"/> does, without throwing.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="money">The amount read, or <see cref="Zero"/> when reading fails.</param>
    /// <param name="error">Null on success; otherwise what was wrong, quoting <paramref name="text"/>.</param>
    public static bool TryParse(string? text, out Money money, out string? error)
    {
        money = Zero;
        error = Problem(text?.Trim() ?? "", out var pence);
        if (error is not null)
        {
            error = $"'{text}' is not an amount of money: {error}.";
            return false;
        }
        money = new(pence);
        return true;
    }

    private static string? Problem(string text, out long pence)
    {
        pence = 0;
        if (text.Length == 0) return "it is empty";
        var negative = false;
        if (text.StartsWith('-')) (negative, text) = (true, text[1..]);
        if (text.StartsWith('£')) text = text[1..];
        if (!negative && text.StartsWith('-')) (negative, text) = (true, text[1..]); // "£-1" as well as "-£1"
        if (text.Length == 0) return "it has no digits";
        if (text.AsSpan().IndexOfAnyExcept("0123456789,.") is var bad and >= 0)
            return $"'{text[bad]}' is not allowed (write digits, an optional '£', '-', ',' and '.')";
        var dot = text.IndexOf('.');
        var (whole, fraction) = dot >= 0 ? (text[..dot], text[(dot + 1)..]) : (text, "");
        if (fraction.Contains('.') || fraction.Contains(',')) return "separators are out of place after the decimal point";
        if (fraction.Length > 2) return "it has more than 2 decimal places";
        if (whole.Length == 0 || (dot >= 0 && fraction.Length == 0)) return "it needs digits on both sides of a decimal point";
        var groups = whole.Split(',');
        if (groups.Length > 1 && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
            return "thousands separators must split the pounds into groups of 3 digits";
        var size = BigInteger.Parse(string.Concat(groups), CultureInfo.InvariantCulture) * 100
                   + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        var value = negative ? -size : size;
        if (value < long.MinValue || value > long.MaxValue) return "it is too large to hold in pence";
        pence = (long)value;
        return null;
    }

    /// <summary>The sum of two amounts.</summary>
    /// <exception cref="OverflowException">The sum is too large to hold in pence.</exception>
    public static Money operator +(Money left, Money right) => new(checked(left.Pence + right.Pence));

    /// <summary>The difference of two amounts.</summary>
    /// <exception cref="OverflowException">The difference is too large to hold in pence.</exception>
    public static Money operator -(Money left, Money right) => new(checked(left.Pence - right.Pence));

    /// <summary>The amount with its sign reversed.</summary>
    /// <exception cref="OverflowException">The amount is the most negative <see cref="long"/> of pence.</exception>
    public static Money operator -(Money money) => new(checked(-money.Pence));

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Money left, Money right) => left.Pence < right.Pence;

    /// <summary>Whether <paramref name="left"/> is more than <paramref name="right"/>.</summary>
    public static bool operator >(Money left, Money right) => left.Pence > right.Pence;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Money left, Money right) => left.Pence <= right.Pence;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Money left, Money right) => left.Pence >= right.Pence;
}
