using System.Globalization;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.PooledFunding;

namespace Placements.Web.Pages.Panel;

/// <summary>
/// The split of a decision as a form gives it: percentages or fixed annual sums for education, health and social care
/// (a blank box is 0). Turned into a <see cref="CostSplit"/>, whose own rules (summing to the whole cost) give the message.
/// </summary>
public sealed class SplitInput
{
    public SplitBasis Basis { get; set; } = SplitBasis.Percentages;
    public string? Education { get; set; }
    public string? Health { get; set; }
    public string? SocialCare { get; set; }

    /// <summary>The split of <paramref name="annualCost"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public CostSplit? Parse(Money annualCost, out string? error)
    {
        error = null;
        var boxes = new[] { (Partner.Education, Education), (Partner.Health, Health), (Partner.SocialCare, SocialCare) };
        if (boxes.All(b => string.IsNullOrWhiteSpace(b.Item2)))
        {
            error = "Enter the split of the cost between education, health and social care";
            return null;
        }
        try
        {
            if (Basis == SplitBasis.Percentages)
            {
                var percents = new Dictionary<Partner, decimal>();
                foreach (var (partner, text) in boxes)
                {
                    if (string.IsNullOrWhiteSpace(text)) { percents[partner] = 0; continue; }
                    if (!decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                    {
                        error = $"{partner.Name()}'s share must be a percentage, like 30";
                        return null;
                    }
                    percents[partner] = percent;
                }
                return CostSplit.ByPercentages(annualCost, percents);
            }
            var sums = new Dictionary<Partner, Money>();
            foreach (var (partner, text) in boxes)
            {
                if (string.IsNullOrWhiteSpace(text)) { sums[partner] = Money.Zero; continue; }
                if (!Money.TryParse(text, out var sum, out _))
                {
                    error = $"{partner.Name()}'s share must be an amount of money, like 18000.00";
                    return null;
                }
                sums[partner] = sum;
            }
            return CostSplit.ByFixedSums(annualCost, sums);
        }
        catch (DomainRuleException refused)
        {
            error = refused.Message;
            return null;
        }
    }
}

/// <summary>What the split partial draws: the ids are prefixed so several forms can sit on one page.</summary>
public sealed record SplitInputView(string IdPrefix, SplitInput Value, string? Error, string WholeCost);

/// <summary>A GOV.UK date input whose boxes post as <c>{Name}.Day</c> … but whose ids start <paramref name="Id"/>, for several forms on one page.</summary>
public sealed record PanelDateInputView(string Name, string Id, string Legend, Placements.Web.Pages.Shared.DateInput Value, string? Error, string? Hint);
