using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>An approval of one line: the amount (all of it, or the undisputed part) and, when partial, why.</summary>
public sealed record LineApproval(long LineId, Money Amount, string? Note);

/// <summary>
/// Approves lines of an invoice (domain.md §6). Segregation of duties: <c>RecorderCannotApprove</c> when the approver
/// recorded the invoice. Lines approved join the next payment run as Fee lines (s251 1.2.3). Audited.
/// </summary>
public sealed class ApproveInvoice(FinanceDb finance, IClock clock)
{
    /// <exception cref="Commissioning.DomainRuleException">
    /// <c>UnknownInvoice</c>, <c>RecorderCannotApprove</c>, <c>NothingToApprove</c>, <c>LineNotOnInvoice</c>, and
    /// <see cref="InvoiceLine.Approve"/>'s rules.
    /// </exception>
    public async Task<Invoice> ApproveAsync(int invoiceId, IReadOnlyList<LineApproval> lines, string approver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var invoice = await LoadForApprovalAsync(invoiceId, approver, cancellationToken);
        if (lines.Count == 0)
            throw new DomainRuleException("NothingToApprove", $"Choose at least one line of invoice {invoice.Number} to approve.");
        Decide(invoice, lines, approver);
        // One save: every line approved, with its audit row, or none (a rule broken on a later line leaves nothing half-done).
        await finance.SaveChangesAsync(cancellationToken);
        return invoice;
    }

    /// <summary>
    /// Approves in full every line that matched its agreement within the tolerance (ReadyToApprove): the approver's
    /// usual action on a clean invoice. Queried lines are left for a decision line by line.
    /// </summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoice</c>, <c>RecorderCannotApprove</c>, <c>NoLinesReadyToApprove</c>.</exception>
    public async Task<Invoice> ApproveReadyLinesAsync(int invoiceId, string approver, CancellationToken cancellationToken = default)
    {
        var invoice = await LoadForApprovalAsync(invoiceId, approver, cancellationToken);
        var ready = invoice.Lines.Where(l => l.Status == InvoiceLineStatus.ReadyToApprove)
            .Select(l => new LineApproval(l.Id, l.NetInvoiced, null)).ToList();
        if (ready.Count == 0)
            throw new DomainRuleException("NoLinesReadyToApprove", $"No line of invoice {invoice.Number} is ready to approve.");
        Decide(invoice, ready, approver);
        await finance.SaveChangesAsync(cancellationToken);
        return invoice;
    }

    private async Task<Invoice> LoadForApprovalAsync(int invoiceId, string approver, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(approver)) throw new ArgumentException("Who approves must be known.", nameof(approver));
        var invoice = await finance.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            ?? throw new DomainRuleException("UnknownInvoice", $"There is no invoice {invoiceId}.");
        // User names are case-insensitive (Identity normalises them): "J.Smith" recorded it, "j.smith" cannot approve it.
        if (string.Equals(invoice.RecordedBy.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("RecorderCannotApprove", $"You recorded invoice {invoice.Number}, so someone else must approve it.");
        return invoice;
    }

    private void Decide(Invoice invoice, IReadOnlyList<LineApproval> approvals, string approver)
    {
        var now = clock.GetCurrentInstant();
        foreach (var approval in approvals)
        {
            var line = invoice.Lines.SingleOrDefault(l => l.Id == approval.LineId)
                ?? throw new DomainRuleException("LineNotOnInvoice", $"Line {approval.LineId} is not on invoice {invoice.Number}.");
            line.Approve(approval.Amount, approver.Trim(), now, approval.Note);
        }
    }
}

/// <summary>Queries a line with the provider, or rejects it, with a reason. Audited.</summary>
public sealed class QueryInvoiceLine(FinanceDb finance, IClock clock)
{
    /// <summary>
    /// The officer raises a query by hand (the matcher raises its own for a variance beyond the tolerance). The line keeps
    /// its match; who raised it is the audit row's actor.
    /// </summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoiceLine</c>, <see cref="InvoiceLine.Query"/>'s rules.</exception>
    public async Task<InvoiceLine> QueryAsync(long lineId, string reason, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var line = await LoadAsync(lineId, cancellationToken);
        line.Query(reason);
        await finance.SaveChangesAsync(cancellationToken);
        return line;
    }

    /// <summary>A line not payable at all (e.g. the child was not on roll): closed, with the reason and who decided.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoiceLine</c>, <see cref="InvoiceLine.Reject"/>'s rules.</exception>
    public async Task<InvoiceLine> RejectAsync(long lineId, string reason, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var line = await LoadAsync(lineId, cancellationToken);
        line.Reject(reason, by.Trim(), clock.GetCurrentInstant());
        await finance.SaveChangesAsync(cancellationToken);
        return line;
    }

    private async Task<InvoiceLine> LoadAsync(long lineId, CancellationToken cancellationToken) =>
        await finance.InvoiceLines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken)
            ?? throw new DomainRuleException("UnknownInvoiceLine", $"There is no invoice line {lineId}.");
}

/// <summary>Records late-payment interest and compensation paid on a late invoice (from the general fund; reg 113's "interest paid").</summary>
public sealed class RecordLatePaymentInterest(FinanceDb finance)
{
    /// <summary>
    /// Only an invoice paid late can carry interest: at least one of its lines was paid after the due date (the Late Payment
    /// of Commercial Debts (Interest) Act 1998 runs from the due date).
    /// </summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoice</c>, <c>InvoiceWasNotPaidLate</c>, <see cref="Invoice.RecordInterestPaid"/>'s rules.</exception>
    public async Task<Invoice> RecordAsync(int invoiceId, Money amount, LocalDate paidOn, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var invoice = await finance.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            ?? throw new DomainRuleException("UnknownInvoice", $"There is no invoice {invoiceId}.");
        if (!invoice.Lines.Any(l => l.PaidOn is { } paid && paid > invoice.DueOn))
            throw new DomainRuleException("InvoiceWasNotPaidLate",
                $"Invoice {invoice.Number} was not paid after its due date ({invoice.DueOn:d MMMM uuuu}): no interest is owed on it.");
        invoice.RecordInterestPaid(amount, paidOn, by.Trim());
        await finance.SaveChangesAsync(cancellationToken);
        return invoice;
    }
}
