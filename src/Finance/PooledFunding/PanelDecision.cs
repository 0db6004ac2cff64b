using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.PooledFunding;

/// <summary>What the panel decided on a case.</summary>
public enum PanelOutcome { Approve, ApproveWithConditions, Defer, Decline }

/// <summary>
/// The panel's decision on a referral (domain.md §8): the outcome with its reasons and conditions, and for an approval
/// the start and review dates and the split of the whole annual cost between education, health and social care.
/// Never edited: a change is a new decision that supersedes it from a date (<see cref="EffectiveFrom"/>), so recharges
/// change from that date only.
/// </summary>
public sealed class PanelDecision : IAudited
{
    private PanelDecision() { }

    /// <exception cref="DomainRuleException">
    /// <c>DecisionNeedsReasons</c>, <c>ConditionsNeedText</c>, <c>ApprovalNeedsStartAndReviewDates</c>, <c>ReviewMustFollowStart</c>,
    /// <c>ApprovalNeedsASplit</c>.
    /// </exception>
    public PanelDecision(int referralId, int? meetingId, int placementId, string placementReference, PanelOutcome outcome, string reasons,
        string? conditions, LocalDate effectiveFrom, LocalDate? reviewDate, CostSplit? split, int? supersedesId, string decidedBy, Instant decidedAt)
    {
        if (string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("DecisionNeedsReasons", "Record the panel's reasons.");
        if (outcome == PanelOutcome.ApproveWithConditions && string.IsNullOrWhiteSpace(conditions))
            throw new DomainRuleException("ConditionsNeedText", "Record the conditions of the approval.");
        var approves = outcome is PanelOutcome.Approve or PanelOutcome.ApproveWithConditions;
        if (approves && reviewDate is null)
            throw new DomainRuleException("ApprovalNeedsStartAndReviewDates", "An approval needs a start date and a review date.");
        if (approves && reviewDate <= effectiveFrom)
            throw new DomainRuleException("ReviewMustFollowStart", "The review date must be after the start date.");
        if (approves && split is null)
            throw new DomainRuleException("ApprovalNeedsASplit", "An approval needs the split of the cost between the partners.");
        (ReferralId, MeetingId, PlacementId, PlacementReference, Outcome) = (referralId, meetingId, placementId, placementReference, outcome);
        Reasons = reasons.Trim();
        Conditions = string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        (EffectiveFrom, ReviewDate, SupersedesId, DecidedBy, DecidedAt) = (effectiveFrom, approves ? reviewDate : null, supersedesId, decidedBy, decidedAt);
        if (approves && split is not null)
        {
            SplitBasis = split.Basis;
            AnnualCost = split.AnnualCost;
            (EducationPercent, HealthPercent, SocialCarePercent) = (split.Shares[0].Percent, split.Shares[1].Percent, split.Shares[2].Percent);
            (EducationSum, HealthSum, SocialCareSum) = (split.Shares[0].AnnualSum, split.Shares[1].AnnualSum, split.Shares[2].AnnualSum);
        }
    }

    public int Id { get; private set; }
    public int ReferralId { get; private set; }
    public int? MeetingId { get; private set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public PanelOutcome Outcome { get; private set; }
    public string Reasons { get; private set; } = "";
    public string? Conditions { get; private set; }
    /// <summary>The start date of a first approval, or the date a superseding decision takes effect from.</summary>
    public LocalDate EffectiveFrom { get; private set; }
    public LocalDate? ReviewDate { get; private set; }
    public int? SupersedesId { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public Instant DecidedAt { get; private set; }
    public SplitBasis? SplitBasis { get; private set; }
    public Money AnnualCost { get; private set; }
    public decimal EducationPercent { get; private set; }
    public decimal HealthPercent { get; private set; }
    public decimal SocialCarePercent { get; private set; }
    public Money EducationSum { get; private set; }
    public Money HealthSum { get; private set; }
    public Money SocialCareSum { get; private set; }

    public bool Approves => Outcome is PanelOutcome.Approve or PanelOutcome.ApproveWithConditions;

    /// <summary>The split the panel set, rebuilt exactly as decided; null unless it approves.</summary>
    public CostSplit? Split => SplitBasis switch
    {
        PooledFunding.SplitBasis.Percentages => CostSplit.ByPercentages(AnnualCost,
            new Dictionary<Partner, decimal> { [Partner.Education] = EducationPercent, [Partner.Health] = HealthPercent, [Partner.SocialCare] = SocialCarePercent }),
        PooledFunding.SplitBasis.FixedAnnualSums => CostSplit.ByFixedSums(AnnualCost,
            new Dictionary<Partner, Money> { [Partner.Education] = EducationSum, [Partner.Health] = HealthSum, [Partner.SocialCare] = SocialCareSum }),
        _ => null,
    };

    public string AuditKey => $"panel decision on {PlacementReference} from {EffectiveFrom:yyyy-MM-dd}";

    public static string Describe(PanelOutcome outcome) => outcome switch
    {
        PanelOutcome.ApproveWithConditions => "Approved with conditions",
        PanelOutcome.Approve => "Approved",
        PanelOutcome.Defer => "Deferred",
        _ => "Declined",
    };

    /// <summary>
    /// The splits in force over time from a case's decisions: each approval from its date until the next decision takes
    /// effect; a later decline (ending joint funding) stops the one before it. Deferrals change nothing.
    /// </summary>
    public static IReadOnlyList<SplitInForce> SplitsInForce(IEnumerable<PanelDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var ordered = decisions.Where(d => d.Outcome != PanelOutcome.Defer).OrderBy(d => d.EffectiveFrom).ThenBy(d => d.DecidedAt).ToList();
        var result = new List<SplitInForce>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!ordered[i].Approves) continue;
            // A later decision on the same day wins; one from a later date ends this one the day before.
            var next = ordered.Skip(i + 1).FirstOrDefault();
            if (next is not null && next.EffectiveFrom == ordered[i].EffectiveFrom) continue;
            result.Add(new SplitInForce(ordered[i].EffectiveFrom, next?.EffectiveFrom.PlusDays(-1), ordered[i].Split!));
        }
        return result;
    }
}
