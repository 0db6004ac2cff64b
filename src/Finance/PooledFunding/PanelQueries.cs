using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Finance.Persistence;

namespace Placements.Finance.PooledFunding;

/// <summary>A case due for review: its decision in force and the review date.</summary>
public sealed record ReviewDue(Referral Referral, PanelDecision Decision, LocalDate ReviewDate, bool Overdue);

/// <summary>A meeting with its agenda (the referrals placed on it) and the decisions made at it.</summary>
public sealed record MeetingAgenda(PanelMeeting Meeting, IReadOnlyList<Referral> Cases, IReadOnlyList<PanelDecision> Decisions);

/// <summary>One child's history at the panel: every referral and every decision, with its split, in date order.</summary>
public sealed record CaseHistory(string ChildReference, IReadOnlyList<Referral> Referrals, IReadOnlyList<PanelDecision> Decisions);

/// <summary>What the panel's pages read: the referrals queue, meetings and agendas, case histories, reviews due and recharges.</summary>
public sealed class PanelQueries(FinanceDb finance)
{
    public async Task<IReadOnlyList<Referral>> ReferralsAsync(ReferralStatus? status = null, CancellationToken cancellationToken = default) =>
        await finance.Referrals.AsNoTracking().Where(r => status == null || r.Status == status)
            .OrderBy(r => r.Status).ThenBy(r => r.Reference).ToListAsync(cancellationToken);

    public Task<Referral?> ReferralAsync(string reference, CancellationToken cancellationToken = default) =>
        finance.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);

    public async Task<IReadOnlyList<PanelMeeting>> MeetingsAsync(CancellationToken cancellationToken = default) =>
        (await finance.PanelMeetings.AsNoTracking().Include(m => m.Members).ToListAsync(cancellationToken)).OrderByDescending(m => m.Date).ToList();

    public async Task<MeetingAgenda?> MeetingAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await finance.PanelMeetings.AsNoTracking().Include(m => m.Members).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return null;
        var decisions = await finance.PanelDecisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        var decided = decisions.Select(d => d.ReferralId).ToList();
        var cases = await finance.Referrals.AsNoTracking().Where(r => r.MeetingId == id || decided.Contains(r.Id)).OrderBy(r => r.Reference).ToListAsync(cancellationToken);
        return new MeetingAgenda(meeting, cases, decisions);
    }

    public async Task<CaseHistory> HistoryAsync(string childReference, CancellationToken cancellationToken = default)
    {
        var referrals = await finance.Referrals.AsNoTracking().Where(r => r.ChildReference == childReference).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var ids = referrals.Select(r => r.Id).ToList();
        var decisions = (await finance.PanelDecisions.AsNoTracking().Where(d => ids.Contains(d.ReferralId)).ToListAsync(cancellationToken))
            .OrderBy(d => d.EffectiveFrom).ThenBy(d => d.DecidedAt).ToList();
        return new CaseHistory(childReference, referrals, decisions);
    }

    /// <summary>Decided cases whose decision in force is due for review by <paramref name="until"/> (overdue ones first).</summary>
    public async Task<IReadOnlyList<ReviewDue>> ReviewsDueAsync(LocalDate today, LocalDate until, CancellationToken cancellationToken = default)
    {
        var referrals = await finance.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Decided).ToListAsync(cancellationToken);
        var decisions = (await finance.PanelDecisions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.ReferralId);
        return referrals
            .Select(r => (Referral: r, InForce: decisions[r.Id].Where(d => d.Outcome != PanelOutcome.Defer).OrderBy(d => d.EffectiveFrom).ThenBy(d => d.DecidedAt).LastOrDefault()))
            .Where(x => x.InForce is { Approves: true, ReviewDate: { } review } && review <= until)
            .Select(x => new ReviewDue(x.Referral, x.InForce!, x.InForce!.ReviewDate!.Value, x.InForce.ReviewDate < today))
            .OrderBy(x => x.ReviewDate).ToList();
    }

    public async Task<IReadOnlyList<RechargeStatement>> StatementsAsync(CancellationToken cancellationToken = default) =>
        (await finance.RechargeStatements.AsNoTracking().Include(s => s.Receipts).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.PeriodStart).ThenBy(s => s.Partner).ToList();

    public Task<RechargeStatement?> StatementAsync(int id, CancellationToken cancellationToken = default) =>
        finance.RechargeStatements.AsNoTracking().Include(s => s.Lines).Include(s => s.Receipts).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
}
