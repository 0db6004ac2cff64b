using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>A finance approver as the approval sees them: their name and approval limit.</summary>
public sealed record Approver(string Name, Money ApprovalLimit);

/// <summary>
/// Approves the month's prepared run (segregation of duties: not by its preparer; a run above the approver's limit needs a
/// second approver whose limit covers it). Approved lines count as paid and never change.
/// </summary>
public sealed class ApprovePaymentRun(FinanceDb finance, IClock clock)
{
    /// <param name="seenVersion">The run's version the approver was shown (the page passes it); null from the CLI.</param>
    /// <exception cref="DomainRuleException">
    /// <c>NothingToApprove</c>, <c>PaymentRunChangedSinceShown</c>, and the rules of <see cref="PaymentRun.Approve"/>.
    /// </exception>
    public async Task<PaymentRun> ApproveAsync(YearMonth month, Approver approver, string? note, int? seenVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var run = await finance.PaymentRuns.Include(r => r.Events)
            .Where(r => r.Month == month && (r.Status == PaymentRunStatus.Draft || r.Status == PaymentRunStatus.AwaitingSecondApproval))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("NothingToApprove", $"There is no prepared run for {PaymentRun.Describe(month)} waiting for approval.");
        if (seenVersion is { } seen && seen != run.Version)
            throw new DomainRuleException("PaymentRunChangedSinceShown", $"The {run.Title} run has changed since you opened it: check the new figures, then approve.");
        var now = clock.GetCurrentInstant();
        run.Approve(approver.Name, approver.ApprovalLimit, now, note);
        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await finance.SaveChangesAsync(cancellationToken);
            if (run.IsApproved) await MarkInvoicesPaidAsync(run, now.InZone(London).Date, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("PaymentRunChangedSinceShown", $"The {run.Title} run was changed by someone else at the same moment: open it again.");
        }
        return run;
    }

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>
    /// The run pays the invoice lines it took: each is stamped paid on the approval date (what the 30-day rule is measured
    /// to). Lines of a placement held since preparation were not paid: their rows are released for a later run.
    /// </summary>
    private async Task MarkInvoicesPaidAsync(PaymentRun run, LocalDate paidOn, CancellationToken cancellationToken)
    {
        var heldPlacements = await finance.PaymentLines
            .Where(l => l.PaymentRunId == run.Id && l.Kind == PaymentKind.Fee && l.HoldId != null)
            .Select(l => l.PlacementId).Distinct().ToListAsync(cancellationToken);
        if (heldPlacements.Count > 0)
            await finance.InvoicePayments.Where(p => p.PaymentRunId == run.Id && heldPlacements.Contains(p.PlacementId))
                .ExecuteDeleteAsync(cancellationToken);
        var paidLines = await finance.InvoiceLines
            .Where(l => finance.InvoicePayments.Any(p => p.PaymentRunId == run.Id && p.InvoiceLineId == l.Id))
            .ToListAsync(cancellationToken);
        foreach (var line in paidLines) line.PaidBy(run.Id, paidOn);
        await finance.SaveChangesAsync(cancellationToken);
    }
}
