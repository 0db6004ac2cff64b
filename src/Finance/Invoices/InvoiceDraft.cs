using NodaTime;
using Placements.Commissioning;

namespace Placements.Finance.Invoices;

/// <summary>An invoice or credit note as entered on the form or read from a provider's CSV, before it is validated.</summary>
/// <param name="CreditsInvoiceNumber">For a credit note: the provider's number of the invoice it reduces.</param>
/// <param name="Source">"form", or the imported file's name.</param>
public sealed record InvoiceDraft(
    string ProviderReference, string Number, InvoiceKind Kind, LocalDate InvoiceDate, LocalDate ReceivedOn,
    string? CreditsInvoiceNumber, IReadOnlyList<InvoiceLineDraft> Lines, string Source);

/// <summary>One line: a child (and, when the child has several placements, which one) for a period.</summary>
/// <param name="Amount">As invoiced, positive — on a credit note too (it is stored negative).</param>
/// <param name="DuplicateOverrideReason">Accept a line for a child and period already invoiced, saying why.</param>
/// <param name="SourceLine">The CSV line it came from (for error messages); null from the form.</param>
public sealed record InvoiceLineDraft(
    string ChildReference, string? PlacementReference, LocalDate PeriodStart, LocalDate PeriodEnd, Money Amount, string? Description,
    string? DuplicateOverrideReason, int? SourceLine = null);

/// <summary>One thing wrong with a draft.</summary>
/// <param name="Field">The form field or CSV column, e.g. <c>child_ref</c>, <c>number</c>, <c>lines[2].period_end</c>.</param>
/// <param name="Line">The CSV line, or the 1-based line of the form; null for the invoice as a whole.</param>
/// <param name="Rule">The rule broken, e.g. <c>DuplicateInvoiceNumber</c>, <c>PeriodAlreadyInvoiced</c>, <c>PeriodOutsidePlacement</c>.</param>
public sealed record InvoiceError(string Field, int? Line, string Rule, string Message);

/// <summary>A draft refused whole, with every error found (nothing is written).</summary>
public sealed class InvoiceRejectedException(IReadOnlyList<InvoiceError> errors)
    : DomainRuleException(errors.Count > 0 ? errors[0].Rule : "InvoiceRejected", string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<InvoiceError> Errors { get; } = errors;
}
