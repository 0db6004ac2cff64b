namespace Placements.Commissioning.Planning;

/// <summary>
/// Splits a whole number of places in proportion to weights so that the shares add up to exactly the
/// total (the largest remainder, or Hamilton, method): each share gets the whole part of its quota, and the
/// places left over go one each to the shares with the largest fractional parts. A place is never lost or
/// invented, and every share is within one place of its exact quota.
/// </summary>
public static class LargestRemainder
{
    /// <summary>
    /// The shares of <paramref name="total"/> in proportion to <paramref name="weights"/>. Equal fractional
    /// parts favour the earlier weight, so the caller's order (need, then phase) settles ties.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The total or a weight is negative, or every weight is zero while the total is not.</exception>
    public static int[] Split(int total, IReadOnlyList<int> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        long sum = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            sum += weight;
        }
        var shares = new int[weights.Count];
        if (total == 0) return shares;
        if (sum == 0) throw new ArgumentOutOfRangeException(nameof(weights), "Places cannot be split when every weight is zero.");

        // Integer arithmetic: quota_i = total × w_i / sum exactly, so no floating-point tie is ever misjudged.
        var remainders = new long[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var scaled = (long)total * weights[i];
            shares[i] = (int)(scaled / sum);
            remainders[i] = scaled % sum;
            given += shares[i];
        }
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (var i in order.Take((int)(total - given)))
            shares[i]++;
        return shares;
    }
}
