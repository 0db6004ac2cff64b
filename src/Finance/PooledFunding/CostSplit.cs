using System.Globalization;
using Placements.Commissioning;

namespace Placements.Finance.PooledFunding;

/// <summary>
/// The three partners of a Joint Resources Panel (domain.md §8). The council pays the provider in full from the High
/// Needs Block (education) and recharges the others their share.
/// </summary>
public enum Partner
{
    /// <summary>The council's education (SEND) budget: the High Needs Block.</summary>
    Education,
    /// <summary>The NHS integrated care board (continuing care).</summary>
    Health,
    /// <summary>The council's children's social care.</summary>
    SocialCare,
}

/// <summary>How a panel set the split: as percentages of the whole cost, or as fixed annual sums.</summary>
public enum SplitBasis { Percentages, FixedAnnualSums }

/// <summary>One partner's part of a split: a percentage, or a fixed annual sum.</summary>
public sealed record PartnerShare(Partner Partner, decimal Percent, Money AnnualSum);

/// <summary>
/// How the cost of a jointly funded placement is shared between education, health and social care (domain.md §8: no
/// national split exists; the panel decides case by case). Valid only when the shares make up the whole cost exactly:
/// percentages summing to 100, or fixed annual sums summing to the annual cost to the penny.
/// </summary>
/// <remarks>
/// <b>The remainder rule.</b> Any amount (a month's payment, a recovery) is shared in proportion to the shares by
/// <see cref="Money.Allocate(IReadOnlyList{decimal})"/>: each partner's part is rounded down to the penny and the odd
/// pennies go to the earliest partners rounded down, in the order education, health, social care. So the parts always
/// add up to the amount, no partner is ever charged more than a penny above its exact share, and the council (education,
/// first) absorbs the odd penny before a partner is charged it.
/// </remarks>
public sealed class CostSplit
{
    private CostSplit(SplitBasis basis, Money annualCost, IReadOnlyList<PartnerShare> shares) => (Basis, AnnualCost, Shares) = (basis, annualCost, shares);

    public SplitBasis Basis { get; }

    /// <summary>The whole annual cost the split shares.</summary>
    public Money AnnualCost { get; }

    /// <summary>Every partner's share, in the order education, health, social care (a partner not contributing has 0).</summary>
    public IReadOnlyList<PartnerShare> Shares { get; }

    /// <summary>A split by percentages of <paramref name="annualCost"/>.</summary>
    /// <exception cref="DomainRuleException"><c>SplitShareMustNotBeNegative</c>, <c>SplitMustSumToWholeCost</c>, <c>SplitCostMustBePositive</c>.</exception>
    public static CostSplit ByPercentages(Money annualCost, IReadOnlyDictionary<Partner, decimal> percents)
    {
        ArgumentNullException.ThrowIfNull(percents);
        RequirePositive(annualCost);
        if (percents.FirstOrDefault(p => p.Value < 0) is { Key: var negative, Value: < 0 })
            throw new DomainRuleException("SplitShareMustNotBeNegative", $"{PartnerName(negative)}'s share cannot be negative.");
        var total = percents.Values.Sum();
        if (total != 100m)
            throw new DomainRuleException("SplitMustSumToWholeCost",
                string.Create(CultureInfo.InvariantCulture, $"The percentages add up to {total:0.##}%, not 100%: {(total < 100 ? "short" : "over")} by {Math.Abs(100 - total):0.##}%."));
        var annual = annualCost.Allocate(All.Select(p => percents.GetValueOrDefault(p)).ToArray());
        return new(SplitBasis.Percentages, annualCost,
            All.Select((p, i) => new PartnerShare(p, percents.GetValueOrDefault(p), annual[i])).ToList());
    }

    /// <summary>A split by fixed annual sums, which must add up to <paramref name="annualCost"/> to the penny.</summary>
    /// <exception cref="DomainRuleException"><c>SplitShareMustNotBeNegative</c>, <c>SplitMustSumToWholeCost</c>, <c>SplitCostMustBePositive</c>.</exception>
    public static CostSplit ByFixedSums(Money annualCost, IReadOnlyDictionary<Partner, Money> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        RequirePositive(annualCost);
        if (sums.FirstOrDefault(s => s.Value.IsNegative) is { Key: var negative, Value.IsNegative: true })
            throw new DomainRuleException("SplitShareMustNotBeNegative", $"{PartnerName(negative)}'s share cannot be negative.");
        var total = Money.Sum(sums.Values);
        if (total != annualCost)
            throw new DomainRuleException("SplitMustSumToWholeCost",
                $"The sums add up to {total}, not the whole cost of {annualCost}: {(total < annualCost ? "short" : "over")} by {(total - annualCost).Abs()}.");
        return new(SplitBasis.FixedAnnualSums, annualCost,
            All.Select(p => new PartnerShare(p, decimal.Round(sums.GetValueOrDefault(p).Pence * 100m / annualCost.Pence, 4, MidpointRounding.AwayFromZero),
                sums.GetValueOrDefault(p))).ToList());
    }

    /// <summary>
    /// Shares <paramref name="amount"/> between the partners in proportion to the split (percentages, or the fixed
    /// sums as weights), penny-exact by the remainder rule. Negative amounts (recoveries) are shared the same way.
    /// </summary>
    public IReadOnlyList<(Partner Partner, Money Amount)> Allocate(Money amount)
    {
        var weights = Basis == SplitBasis.Percentages ? Shares.Select(s => s.Percent).ToArray() : Shares.Select(s => (decimal)s.AnnualSum.Pence).ToArray();
        var parts = amount.Allocate(weights);
        return Shares.Select((s, i) => (s.Partner, parts[i])).ToList();
    }

    /// <summary>The partner's share of the whole cost, e.g. "40%" or "£24,000.00 a year".</summary>
    public string Describe(Partner partner)
    {
        var share = Shares.Single(s => s.Partner == partner);
        return Basis == SplitBasis.Percentages
            ? share.Percent.ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : $"{share.AnnualSum} a year";
    }

    /// <summary>E.g. "education 50%, health 30%, social care 20%".</summary>
    public override string ToString() =>
        string.Join(", ", Shares.Where(s => s.Percent != 0 || !s.AnnualSum.IsZero).Select(s => $"{DescribePartner(s.Partner)} {Describe(s.Partner)}"));

    /// <summary>The partners in their fixed order: education, health, social care.</summary>
    public static IReadOnlyList<Partner> All { get; } = [Partner.Education, Partner.Health, Partner.SocialCare];

    public static string DescribePartner(Partner partner) => partner switch
    {
        Partner.Education => "education",
        Partner.Health => "health (ICB)",
        _ => "social care",
    };

    /// <summary>The partner opening a sentence or labelling a row: "Education", "Health (ICB)", "Social care".</summary>
    public static string PartnerName(Partner partner)
    {
        var name = DescribePartner(partner);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static void RequirePositive(Money annualCost)
    {
        if (annualCost.Pence <= 0)
            throw new DomainRuleException("SplitCostMustBePositive", "The whole annual cost must be more than £0.00.");
    }
}
