using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.Payments;

/// <summary>
/// Payments to one placement stopped until released: a hold needs a reason and the team that holds it. Held lines are
/// not paid or exported; because they never count as paid, the next run after the release pays them, exactly once.
/// </summary>
public sealed class PaymentHold : IAudited
{
    private PaymentHold() { }

    /// <exception cref="DomainRuleException"><c>HoldNeedsAReasonAndATeam</c>.</exception>
    public PaymentHold(int placementId, string placementReference, string reason, string team, string heldBy, Instant heldAt)
    {
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(team))
            throw new DomainRuleException("HoldNeedsAReasonAndATeam", "Give the reason for the hold and the team that holds it.");
        (PlacementId, PlacementReference, Reason, Team, HeldBy, HeldAt) = (placementId, placementReference, reason.Trim(), team.Trim(), heldBy, heldAt);
    }

    public int Id { get; private set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>The team that holds the payment and must release it (e.g. SEND casework, Finance).</summary>
    public string Team { get; private set; } = "";
    public string HeldBy { get; private set; } = "";
    public Instant HeldAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public Instant? ReleasedAt { get; private set; }
    public string? ReleaseNote { get; private set; }

    public bool IsActive => ReleasedAt is null;

    /// <exception cref="DomainRuleException"><c>HoldIsAlreadyReleased</c>.</exception>
    public void Release(string by, Instant at, string? note)
    {
        if (!IsActive)
            throw new DomainRuleException("HoldIsAlreadyReleased", $"The hold on {PlacementReference} was released by {ReleasedBy}.");
        (ReleasedBy, ReleasedAt, ReleaseNote) = (by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    public string AuditKey => $"hold on {PlacementReference}";
}
