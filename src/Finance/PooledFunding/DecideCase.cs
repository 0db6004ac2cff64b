using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance.Agreements;
using Placements.Finance.Persistence;
using Placements.Finance.Tables;

namespace Placements.Finance.PooledFunding;

/// <summary>What the panel decided on a case, as the meeting page records it.</summary>
/// <param name="EffectiveFrom">A first approval's start date (the proposed placement's start), or the date a superseding decision takes effect.</param>
public sealed record CaseDecision(
    string ReferralReference, PanelOutcome Outcome, string Reasons, string? Conditions, LocalDate EffectiveFrom, LocalDate? ReviewDate, CostSplit? Split);

/// <summary>
/// Records the panel's decision on a case (domain.md §8). A first approval agrees the placement in Commissioning and
/// creates its funding — an agreed annual top-up of the whole cost, or, for an independent or non-maintained school, its
/// individual placement agreement at that fee — in one transaction with the decision: all of it or none. A decision is
/// never edited: a later decision on a decided case supersedes the one in force from its date (a new split or cost from
/// then, or a decline ending the joint funding), and recharges change from that date only. Deferred cases return to the
/// list for the next meeting. Only panel members decide (the page's policy); the decider is recorded.
/// </summary>
public sealed class DecideCase(CommissioningDb commissioning, FinanceDb finance, SavePlacementAgreement agreements, IClock clock)
{
    /// <exception cref="DomainRuleException">
    /// <c>ReferralNotFound</c>, <c>CaseIsNotOnTheAgenda</c>, <c>DecisionStartMustBeThePlacementStart</c>, <c>SupersedingDecisionMustFollowTheLast</c>,
    /// <c>NothingToSupersede</c>, the decision's own rules, and agreeing's rules (<c>PlacementsMustNotOverlap</c>).
    /// </exception>
    public async Task<PanelDecision> RunAsync(CaseDecision decision, string decidedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var referral = await finance.Referrals.SingleOrDefaultAsync(r => r.Reference == decision.ReferralReference, cancellationToken)
            ?? throw new DomainRuleException("ReferralNotFound", $"There is no referral {decision.ReferralReference}.");
        var earlier = await finance.PanelDecisions.AsNoTracking().Where(d => d.ReferralId == referral.Id).ToListAsync(cancellationToken);
        var inForce = earlier.Where(d => d.Outcome != PanelOutcome.Defer).OrderBy(d => d.EffectiveFrom).ThenBy(d => d.DecidedAt).LastOrDefault();
        var superseding = referral.Status == ReferralStatus.Decided;
        if (!superseding && referral.Status != ReferralStatus.OnAgenda)
            throw new DomainRuleException("CaseIsNotOnTheAgenda", $"Referral {referral.Reference} is {Referral.Describe(referral.Status)}: the panel decides cases on a meeting's agenda.");
        if (superseding && (inForce is null || !inForce.Approves))
            throw new DomainRuleException("NothingToSupersede", $"Referral {referral.Reference} was declined: make a new referral instead.");
        if (superseding && decision.EffectiveFrom <= inForce!.EffectiveFrom)
            throw new DomainRuleException("SupersedingDecisionMustFollowTheLast",
                $"The decision in force took effect on {inForce.EffectiveFrom:d MMMM yyyy}: a new decision takes effect after it.");

        var placement = await commissioning.Placements.AsNoTracking().SingleAsync(p => p.Id == referral.PlacementId, cancellationToken);
        var approves = decision.Outcome is PanelOutcome.Approve or PanelOutcome.ApproveWithConditions;
        if (approves && !superseding && decision.EffectiveFrom != placement.Start)
            throw new DomainRuleException("DecisionStartMustBeThePlacementStart",
                $"The proposed placement {placement.Reference} starts on {placement.Start:d MMMM yyyy}: approve it from that date (change the proposal first for another).");
        if (superseding && decision.Outcome == PanelOutcome.Defer)
            throw new DomainRuleException("CaseIsNotOnTheAgenda", "A decided case cannot be deferred: keep the decision in force, or decide anew from a date.");

        var record = new PanelDecision(referral.Id, superseding ? null : referral.MeetingId, placement.Id, placement.Reference, decision.Outcome,
            decision.Reasons, decision.Conditions, decision.EffectiveFrom, decision.ReviewDate, decision.Split, inForce?.Id, decidedBy, clock.GetCurrentInstant());

        await using var transaction = await SharedTransaction.BeginAsync(commissioning, finance, cancellationToken);
        if (approves && !superseding)
            await new AgreePlacement(commissioning, new ProviderOccupancy(commissioning))
                .ExecuteAsync(placement.Reference, $"Approved by the Joint Resources Panel ({referral.Reference})", cancellationToken);
        if (approves && (!superseding || decision.Split!.AnnualCost != inForce!.AnnualCost))
            await FundAsync(placement, decision.EffectiveFrom, decision.Split!.AnnualCost, superseding, cancellationToken);
        if (!superseding) referral.Decided(decision.Outcome);
        finance.PanelDecisions.Add(record);
        await finance.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// The council pays the provider the whole cost: fee-paid schools through their agreement, other settings as an agreed
    /// annual top-up from the date (a funding row, never edited; a new cost is a new row or fee change from its date).
    /// </summary>
    private async Task FundAsync(Placement placement, LocalDate from, Money annualCost, bool superseding, CancellationToken cancellationToken)
    {
        var provider = await commissioning.Providers.AsNoTracking().SingleAsync(p => p.Id == placement.ProviderId, cancellationToken);
        if (provider.ProvisionType is ProvisionType.IndependentSpecial or ProvisionType.NonMaintainedSpecial)
        {
            if (!superseding)
                await agreements.SaveTermsAsync(new AgreementDraft(placement.Reference, InvoicingPattern.TermlyInAdvance, TermSplit.SchoolDays,
                    FeesPayableDuringAbsence: true, "One term", new LocalDate(from.Month >= 4 ? from.Year + 1 : from.Year, 4, 1), 30, null), cancellationToken);
            await agreements.ChangeFeeAsync(placement.Reference, AgreementFee.Annual(from, annualCost), cancellationToken);
        }
        else
        {
            await new AddPlacementFunding(finance).ExecuteAsync(new FundedPlacement(placement.Id, placement.Reference, provider.ProvisionType),
                from, null, annualCost, cancellationToken);
        }
    }
}
