#pragma warning disable CS9113 // STUB: remove with the implementation
using NodaTime;
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
    /// <c>UnknownInvoice</c>, <c>RecorderCannotApprove</c>, <c>LineNotOnInvoice</c>, and <see cref="InvoiceLine.Approve"/>'s rules.
    /// </exception>
    public Task<Invoice> ApproveAsync(int invoiceId, IReadOnlyList<LineApproval> lines, string approver, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

/// <summary>Queries a line with the provider, or rejects it, with a reason. Audited.</summary>
public sealed class QueryInvoiceLine(FinanceDb finance, IClock clock)
{
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoiceLine</c>, <see cref="InvoiceLine.Query"/>'s rules.</exception>
    public Task<InvoiceLine> QueryAsync(long lineId, string reason, string by, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoiceLine</c>, <see cref="InvoiceLine.Reject"/>'s rules.</exception>
    public Task<InvoiceLine> RejectAsync(long lineId, string reason, string by, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

/// <summary>Records late-payment interest and compensation paid on a late invoice (from the general fund; reg 113's "interest paid").</summary>
public sealed class RecordLatePaymentInterest(FinanceDb finance)
{
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownInvoice</c>, <c>InvoiceWasNotPaidLate</c>, <see cref="Invoice.RecordInterestPaid"/>'s rules.</exception>
    public Task<Invoice> RecordAsync(int invoiceId, Money amount, LocalDate paidOn, string by, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
