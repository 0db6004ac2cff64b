using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Finance.Persistence;

namespace Placements.Finance.PooledFunding;

/// <summary>A referral as the form gives it: the proposed placement and the case for the panel.</summary>
public sealed record ReferralDraft(
    PlacementProposal Placement, Money EducationCost, Money CareCost, Money HealthCost, string NeedsSummary, bool AskHealth, bool AskSocialCare,
    string? Documents);

/// <summary>
/// Makes a Draft referral: proposes its placement in Commissioning (Proposed, so it is not paid until the panel approves)
/// and records the case, in one transaction across both modules: both or neither.
/// </summary>
public sealed class MakeReferral(CommissioningDb commissioning, FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><see cref="ProposePlacement"/>'s rules and <see cref="Referral"/>'s.</exception>
    public async Task<Referral> RunAsync(ReferralDraft draft, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var transaction = await SharedTransaction.BeginAsync(commissioning, finance, cancellationToken);
        var proposed = await new ProposePlacement(commissioning).ExecuteAsync(draft.Placement, cancellationToken);
        var placement = await commissioning.Placements.AsNoTracking().SingleAsync(p => p.Reference == proposed.Reference, cancellationToken);
        var child = await commissioning.Children.AsNoTracking().SingleAsync(c => c.Id == placement.ChildId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var year = now.InUtc().Year;
        var count = await finance.Referrals.CountAsync(r => r.Reference.StartsWith($"JRP-{year}-"), cancellationToken);
        var referral = new Referral($"JRP-{year}-{count + 1:0000}", placement.Id, placement.Reference, child.Reference, child.Initials,
            draft.Placement.ProviderReference, draft.EducationCost, draft.CareCost, draft.HealthCost, draft.NeedsSummary, draft.AskHealth,
            draft.AskSocialCare, draft.Documents, by, now);
        finance.Referrals.Add(referral);
        await finance.SaveChangesAsync(cancellationToken); // a second referral made at once fails on the unique reference and nothing is kept
        await transaction.CommitAsync(cancellationToken);
        return referral;
    }
}

/// <summary>Submits a Draft referral to the panel: it then waits for a meeting's agenda.</summary>
public sealed class SubmitReferral(FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><c>ReferralNotFound</c>, <c>OnlyADraftReferralCanBeSubmitted</c>.</exception>
    public async Task<Referral> RunAsync(string reference, CancellationToken cancellationToken = default)
    {
        var referral = await finance.Referrals.SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken)
            ?? throw new DomainRuleException("ReferralNotFound", $"There is no referral {reference}.");
        referral.Submit(clock.GetCurrentInstant());
        await finance.SaveChangesAsync(cancellationToken);
        return referral;
    }
}

/// <summary>Plans a panel meeting: its date, the members present, and the agenda built from submitted referrals.</summary>
public sealed class PlanPanelMeeting(FinanceDb finance)
{
    /// <exception cref="DomainRuleException"><c>MeetingNeedsMembers</c>, <c>ReferralNotFound</c>, <c>OnlyASubmittedReferralGoesOnTheAgenda</c>, member rules.</exception>
    public async Task<PanelMeeting> RunAsync(LocalDate date, string? location, IReadOnlyList<(string Name, Partner Partner, string? Role)> members,
        IReadOnlyList<string> referralReferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(referralReferences);
        if (members.Count == 0) throw new DomainRuleException("MeetingNeedsMembers", "Record the members present, by partner.");
        var meeting = new PanelMeeting(date, location);
        foreach (var (name, partner, role) in members) meeting.RecordPresent(name, partner, role);
        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        finance.PanelMeetings.Add(meeting);
        await finance.SaveChangesAsync(cancellationToken);
        foreach (var reference in referralReferences)
        {
            var referral = await finance.Referrals.SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken)
                ?? throw new DomainRuleException("ReferralNotFound", $"There is no referral {reference}.");
            referral.PlaceOnAgenda(meeting.Id);
        }
        await finance.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return meeting;
    }
}
