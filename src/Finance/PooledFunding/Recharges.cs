using NodaTime;

namespace Placements.Finance.PooledFunding;

/// <summary>A split in force from <paramref name="From"/> until the next one starts (a superseding decision), or <paramref name="Until"/> if it ends.</summary>
/// <param name="Until">The last day the split applies (the decision's funding ended), or null while it runs on.</param>
public sealed record SplitInForce(LocalDate From, LocalDate? Until, CostSplit Split);

/// <summary>
/// Something the council actually paid for a jointly funded placement: a top-up, an adjustment (negative: a recovery)
/// or an invoice, and the days of service it paid for.
/// </summary>
public sealed record PaidForPlacement(int PlacementId, string PlacementReference, DateInterval ServicePeriod, Money Amount, string Description);

/// <summary>One partner's share of one payment, for the days under one split.</summary>
public sealed record RechargeShare(PaidForPlacement Paid, Partner Partner, DateInterval Days, Money Amount, string Split);

/// <summary>
/// Each partner's share of what was actually paid (domain.md §8: the council pays in full and recharges health and
/// social care their share of what was paid). Pure. A payment is spread over the days it paid for (in proportion to days,
/// penny-exact), each day under the split in force on it — so a split superseded mid-month changes the recharge from
/// that day only — and each piece is shared by that split's remainder rule. Days under no split (before the panel's
/// decision, or after its funding ended) stay with the council's education budget and are recharged to nobody.
/// </summary>
public static class Recharges
{
    /// <summary>The partners' shares of <paramref name="paid"/>. The shares of each piece add up to it, and the pieces to the payment.</summary>
    public static IReadOnlyList<RechargeShare> For(PaidForPlacement paid, IReadOnlyList<SplitInForce> splits)
    {
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(splits);
        var pieces = Pieces(paid.ServicePeriod, splits.OrderBy(s => s.From).ToList());
        var amounts = paid.Amount.Allocate(pieces.Select(p => (decimal)p.Days.Length).ToArray());
        var shares = new List<RechargeShare>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Split is not { } split) continue; // not jointly funded on these days: the council's own cost
            foreach (var (partner, amount) in split.Allocate(amounts[i]))
                shares.Add(new RechargeShare(paid, partner, pieces[i].Days, amount, split.Describe(partner)));
        }
        return shares;
    }

    /// <summary>The service period cut where the split in force changes, each piece with its split (or none).</summary>
    private static List<(DateInterval Days, CostSplit? Split)> Pieces(DateInterval period, IReadOnlyList<SplitInForce> splits)
    {
        var pieces = new List<(DateInterval Days, CostSplit? Split)>();
        var from = period.Start;
        while (from <= period.End)
        {
            var current = splits.LastOrDefault(s => s.From <= from);
            var inForce = current is not null && (current.Until is null || from <= current.Until) ? current : null;
            // The piece runs to the day before the next split starts, the day this one ends, or the period's end.
            var next = splits.FirstOrDefault(s => s.From > from)?.From.PlusDays(-1);
            var to = period.End;
            if (next is { } n && n < to) to = n;
            if (inForce?.Until is { } until && until < to) to = until;
            pieces.Add((new DateInterval(from, to), inForce?.Split));
            from = to.PlusDays(1);
        }
        return pieces;
    }
}
