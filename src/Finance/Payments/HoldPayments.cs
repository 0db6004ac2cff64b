using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>
/// Stops and releases payments to a placement. A hold marks the placement's lines in the month's draft run (they are not
/// paid or exported) and in every run after it until released; a release unmarks the draft's lines, so the held money is
/// paid once, by the next run to be approved.
/// </summary>
public sealed class HoldPayments(CommissioningDb commissioning, FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><c>UnknownPlacement</c>, <c>PlacementIsAlreadyHeld</c>, <c>HoldNeedsAReasonAndATeam</c>.</exception>
    public async Task<PaymentHold> HoldAsync(string placementReference, string reason, string team, string by, CancellationToken cancellationToken = default)
    {
        var placementId = await commissioning.Placements.Where(p => p.Reference == placementReference).Select(p => (int?)p.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("UnknownPlacement", $"There is no placement {placementReference}.");
        if (await finance.PaymentHolds.AnyAsync(h => h.PlacementId == placementId && h.ReleasedAt == null, cancellationToken))
            throw new DomainRuleException("PlacementIsAlreadyHeld", $"Payments to {placementReference} are already held.");
        var now = clock.GetCurrentInstant();
        var hold = new PaymentHold(placementId, placementReference, reason, team, by, now);
        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        finance.PaymentHolds.Add(hold);
        await finance.SaveChangesAsync(cancellationToken);
        await MarkDraftLinesAsync(placementId, placementReference, hold, held: true, "Held", by, now, $"{placementReference}: {hold.Reason} ({hold.Team})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hold;
    }

    /// <exception cref="DomainRuleException"><c>UnknownHold</c>, <c>HoldIsAlreadyReleased</c>.</exception>
    public async Task<PaymentHold> ReleaseAsync(int holdId, string by, string? note, CancellationToken cancellationToken = default)
    {
        var hold = await finance.PaymentHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancellationToken)
            ?? throw new DomainRuleException("UnknownHold", "There is no such hold.");
        var now = clock.GetCurrentInstant();
        hold.Release(by, now, note);
        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        await finance.SaveChangesAsync(cancellationToken);
        await MarkDraftLinesAsync(hold.PlacementId, hold.PlacementReference, hold, held: false, "Released", by, now,
            $"{hold.PlacementReference}: held for {hold.Reason}" + (hold.ReleaseNote is { } n ? $"; {n}" : ""), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hold;
    }

    private async Task MarkDraftLinesAsync(int placementId, string placementReference, PaymentHold hold, bool held, string action, string by, Instant at, string note,
        CancellationToken cancellationToken)
    {
        var drafts = await finance.PaymentRuns.Include(r => r.Events).Where(r => r.Status == PaymentRunStatus.Draft).ToListAsync(cancellationToken);
        foreach (var run in drafts)
        {
            var lines = await finance.PaymentLines.Where(l => l.PaymentRunId == run.Id && l.PlacementId == placementId).ToListAsync(cancellationToken);
            if (lines.Count == 0) continue;
            var amount = Money.Sum(lines.Select(l => l.Amount));
            foreach (var line in lines)
            {
                if (held) line.HoldUnder(hold.Id);
                else line.ReleasedFrom(hold);
            }
            var moved = held ? amount : -amount;
            run.Totals(run.Total - moved, run.HeldTotal + moved, run.LineCount, run.ProblemCount);
            run.Noted(action, by, at, note);
        }
        try
        {
            await finance.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("PaymentRunChangedSinceShown", $"A run was being changed at the same moment as the hold on {placementReference}: try again.");
        }
    }
}
