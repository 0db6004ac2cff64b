#pragma warning disable CS9113 // STUB: remove with the implementation
namespace Placements.Finance.Invoices;

/// <summary>What an import did: the invoices recorded, or every error (and nothing recorded).</summary>
/// <param name="Errors">Each as <c>file:line: column: message</c> (interchange.md's convention).</param>
public sealed record InvoiceImportOutcome(IReadOnlyList<Invoice> Recorded, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a provider's invoice CSV (README "Provider invoice CSV"): one row per invoice line, rows with the same
/// <c>invoice_number</c> make one invoice. Columns (case-insensitive, any order, unknown columns an error):
/// <c>provider_ref, invoice_number, invoice_date, received_date, child_ref, placement_ref?, period_start, period_end,
/// amount, description?, kind?</c> (<c>Invoice</c>/<c>CreditNote</c>, default Invoice), <c>credits_invoice?</c>,
/// <c>duplicate_override_reason?</c>. All or nothing: malformed cells and every rule of <see cref="RecordInvoice"/> are
/// reported together, each as <c>file:line: column: message</c>, and nothing is written.
/// </summary>
public sealed class ImportProviderInvoices(RecordInvoice record)
{
    public Task<InvoiceImportOutcome> ImportAsync(string fileName, Stream csv, string recordedBy, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
