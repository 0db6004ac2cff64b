#pragma warning disable CS9113 // STUB: remove with the implementation
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;
using NodaTime;

namespace Placements.Finance.Invoices;

/// <summary>
/// Records an invoice or credit note from the form (and, for each invoice of a file, from the provider CSV import), in one
/// transaction, then matches its lines. Every error is found before anything is written:
/// unknown provider or child; child with no placement at the provider covering the period (<c>PeriodOutsidePlacement</c>);
/// negative or zero amounts; invoice or received date in the future; period ending before it starts;
/// same provider + invoice number already recorded (<c>DuplicateInvoiceNumber</c>, never overridable);
/// same child and overlapping period already on another invoice that is not rejected (<c>PeriodAlreadyInvoiced</c>, unless
/// the line carries an override reason); a credit note naming no known invoice of the provider (<c>UnknownCreditedInvoice</c>)
/// or crediting a child/period not on that invoice. The due date is receipt + the agreement's payment term (30 days by default).
/// The recorder is kept: they cannot approve it.
/// </summary>
public sealed class RecordInvoice(CommissioningDb commissioning, FinanceDb finance, IClock clock, InvoiceSettings settings)
{
    /// <exception cref="InvoiceRejectedException">Every error found; nothing written.</exception>
    public Task<Invoice> RecordAsync(InvoiceDraft draft, string recordedBy, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Every error in a batch of drafts (the import checks a whole file before writing any of it; drafts may also clash with each other).</summary>
    public Task<IReadOnlyList<InvoiceError>> ValidateAsync(IReadOnlyList<InvoiceDraft> drafts, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Records a batch already validated, in the caller's transaction or its own: all or nothing.</summary>
    /// <exception cref="InvoiceRejectedException">Every error found; nothing written.</exception>
    public Task<IReadOnlyList<Invoice>> RecordAllAsync(IReadOnlyList<InvoiceDraft> drafts, string recordedBy, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
