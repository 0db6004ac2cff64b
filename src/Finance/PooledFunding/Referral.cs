using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.PooledFunding;

/// <summary>Where a referral is on its way to the panel.</summary>
public enum ReferralStatus { Draft, Submitted, OnAgenda, Decided }

/// <summary>
/// A case for the Joint Resources Panel (domain.md §8): a child, the proposed placement (a Proposed placement in
/// Commissioning), its proposed annual cost broken into education, care and health elements, a needs summary, the
/// partners asked to contribute and the supporting documents by name. Draft → Submitted → On agenda → Decided; a deferred
/// case goes back to Submitted for the next meeting. Children by reference and initials only.
/// </summary>
public sealed class Referral : IAudited
{
    private Referral() { }

    /// <exception cref="DomainRuleException"><c>ReferralNeedsACost</c>, <c>ReferralNeedsAPartner</c>, <c>ReferralNeedsANeedsSummary</c>.</exception>
    public Referral(string reference, int placementId, string placementReference, string childReference, string childInitials, string providerReference,
        Money educationCost, Money careCost, Money healthCost, string needsSummary, bool askHealth, bool askSocialCare, string? documents,
        string createdBy, Instant createdAt)
    {
        (Reference, PlacementId, PlacementReference, ChildReference, ChildInitials, ProviderReference) =
            (reference, placementId, placementReference, childReference, childInitials, providerReference);
        SetCase(educationCost, careCost, healthCost, needsSummary, askHealth, askSocialCare, documents);
        (CreatedBy, CreatedAt) = (createdBy, createdAt);
    }

    public int Id { get; private set; }
    /// <summary>E.g. JRP-2026-0007.</summary>
    public string Reference { get; private set; } = "";
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public string ProviderReference { get; private set; } = "";
    public Money EducationCost { get; private set; }
    public Money CareCost { get; private set; }
    public Money HealthCost { get; private set; }
    public string NeedsSummary { get; private set; } = "";
    public bool AskHealth { get; private set; }
    public bool AskSocialCare { get; private set; }
    /// <summary>The supporting documents by name, one per line (the documents themselves stay in the case-management system).</summary>
    public string? Documents { get; private set; }
    public ReferralStatus Status { get; private set; } = ReferralStatus.Draft;
    public int? MeetingId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant? SubmittedAt { get; private set; }
    /// <summary>Set by the daily review check when the case's review date has passed without a new decision.</summary>
    public LocalDate? ReviewOverdueSince { get; private set; }

    /// <summary>Education + care + health: the whole annual cost proposed.</summary>
    public Money ProposedAnnualCost => EducationCost + CareCost + HealthCost;

    public IEnumerable<string> DocumentNames => (Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string AuditKey => Reference;

    /// <exception cref="DomainRuleException"><c>ReferralNeedsACost</c>, <c>ReferralNeedsAPartner</c>, <c>ReferralNeedsANeedsSummary</c>, <c>OnlyADraftReferralCanChange</c>.</exception>
    public void SetCase(Money educationCost, Money careCost, Money healthCost, string needsSummary, bool askHealth, bool askSocialCare, string? documents)
    {
        if (Status != ReferralStatus.Draft)
            throw new DomainRuleException("OnlyADraftReferralCanChange", $"Referral {Reference} has been submitted: the panel decides on it as it is.");
        if (educationCost.IsNegative || careCost.IsNegative || healthCost.IsNegative || (educationCost + careCost + healthCost).Pence <= 0)
            throw new DomainRuleException("ReferralNeedsACost", "Enter the proposed annual cost: education, care and health elements of £0.00 or more, adding up to more than £0.00.");
        if (!askHealth && !askSocialCare)
            throw new DomainRuleException("ReferralNeedsAPartner", "Choose the partners asked to contribute: health, social care or both.");
        if (string.IsNullOrWhiteSpace(needsSummary))
            throw new DomainRuleException("ReferralNeedsANeedsSummary", "Summarise the child's needs for the panel.");
        (EducationCost, CareCost, HealthCost, AskHealth, AskSocialCare) = (educationCost, careCost, healthCost, askHealth, askSocialCare);
        NeedsSummary = needsSummary.Trim();
        Documents = string.IsNullOrWhiteSpace(documents) ? null : string.Join('\n', documents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <exception cref="DomainRuleException"><c>OnlyADraftReferralCanBeSubmitted</c>.</exception>
    public void Submit(Instant at)
    {
        if (Status != ReferralStatus.Draft)
            throw new DomainRuleException("OnlyADraftReferralCanBeSubmitted", $"Referral {Reference} is already {Describe(Status)}.");
        (Status, SubmittedAt) = (ReferralStatus.Submitted, at);
    }

    /// <exception cref="DomainRuleException"><c>OnlyASubmittedReferralGoesOnTheAgenda</c>.</exception>
    internal void PlaceOnAgenda(int meetingId)
    {
        if (Status != ReferralStatus.Submitted)
            throw new DomainRuleException("OnlyASubmittedReferralGoesOnTheAgenda", $"Referral {Reference} is {Describe(Status)}: only submitted referrals go on an agenda.");
        (Status, MeetingId) = (ReferralStatus.OnAgenda, meetingId);
    }

    /// <summary>The panel decided: deferred cases go back to Submitted for a later meeting.</summary>
    internal void Decided(PanelOutcome outcome)
    {
        Status = outcome == PanelOutcome.Defer ? ReferralStatus.Submitted : ReferralStatus.Decided;
        if (outcome == PanelOutcome.Defer) MeetingId = null;
        ReviewOverdueSince = null;
    }

    internal void FlagReview(LocalDate? overdueSince) => ReviewOverdueSince = overdueSince;

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.OnAgenda => "on an agenda",
        _ => status.ToString().ToLowerInvariant(),
    };
}
