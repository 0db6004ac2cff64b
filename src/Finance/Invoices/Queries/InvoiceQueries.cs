using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Invoices.Calculation;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices.Queries;

/// <summary>Where an invoice as a whole stands, from its lines (the work queue's tabs).</summary>
public enum InvoiceState
{
    /// <summary>A line has no agreement to match.</summary>
    ToMatch,
    /// <summary>A line is queried.</summary>
    Queried,
    /// <summary>Lines are ready and waiting for a second officer.</summary>
    ToApprove,
    /// <summary>Every line decided; approved money waits for the next payment run.</summary>
    AwaitingPayment,
    /// <summary>Every approved line paid.</summary>
    Paid,
    /// <summary>Every line rejected.</summary>
    Rejected,
}

/// <summary>An invoice in a list (no child names: providers and references only).</summary>
public sealed record InvoiceSummary(
    int Id, string ProviderReference, string ProviderName, string Number, InvoiceKind Kind, LocalDate InvoiceDate, LocalDate ReceivedOn,
    LocalDate DueOn, Money Total, Money? Expected, int LineCount, InvoiceState State, string RecordedBy, string? DeadlineFlag, LocalDate? PaidOn);

/// <summary>The finance officer's work queue.</summary>
public sealed record InvoiceWorkQueue(
    IReadOnlyList<InvoiceSummary> ToMatch, IReadOnlyList<InvoiceSummary> Queried, IReadOnlyList<InvoiceSummary> ToApprove,
    IReadOnlyList<InvoiceSummary> DueSoon, IReadOnlyList<InvoiceSummary> Overdue, IReadOnlyList<InvoiceSummary> RecentlyPaid);

/// <summary>Unpaid invoices of one provider by age since receipt, and the total.</summary>
public sealed record AgedInvoicesRow(
    string ProviderReference, string ProviderName, Money Days0To10, Money Days11To20, Money Days21To30, Money Over30Days, Money Total, int Count);

/// <summary>One invoice line on the detail page, with its match.</summary>
public sealed record InvoiceLineView(InvoiceLine Line, string? ExpectedBasis, Money? Tolerance);

/// <summary>An invoice with its lines, the agreement(s) beside it, what paying it late costs, and its audit trail.</summary>
/// <param name="Agreements">The agreements of the placements on the invoice, by placement reference.</param>
/// <param name="LateCharge">Interest and compensation if paid today (or when it was paid), when late; null when on time.</param>
public sealed record InvoiceDetail(
    Invoice Invoice, string ProviderName, InvoiceState State, IReadOnlyList<InvoiceLineView> Lines,
    IReadOnlyDictionary<string, Agreements.PlacementAgreement> Agreements, IReadOnlyList<Invoice> CreditNotes, Invoice? Credits,
    LateCharge? LateCharge, LocalDate? PaidOn);

/// <summary>One placement on a provider's statement for a financial year.</summary>
/// <param name="Agreed">What the agreement says for the year (the whole year's expected amount, clipped to the placement).</param>
/// <param name="Invoiced">Net invoiced for periods in the year (credit notes deducted).</param>
/// <param name="Outstanding">Approved or awaiting decision but not yet paid.</param>
public sealed record StatementLine(string PlacementReference, string ChildReference, string ChildInitials, Money Agreed, Money Invoiced, Money Approved, Money Paid, Money Outstanding);

/// <summary>A provider statement: agreed, invoiced, paid, outstanding, per placement and in total, and the invoices.</summary>
public sealed record ProviderStatement(
    string ProviderReference, string ProviderName, FinancialYear Year, IReadOnlyList<StatementLine> Lines, StatementLine Totals,
    IReadOnlyList<InvoiceSummary> Invoices);

/// <summary>The pages' reads over invoices. Set-based; no child names in any result.</summary>
public sealed partial class InvoiceQueries(CommissioningDb commissioning, FinanceDb finance, InvoiceSettings settings)
{
}
