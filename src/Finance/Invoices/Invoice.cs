using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.Invoices;

/// <summary>An invoice asks to be paid; a credit note reduces an invoice already received.</summary>
public enum InvoiceKind
{
    Invoice,
    CreditNote,
}

/// <summary>
/// A provider's invoice (or credit note) as received: who sent it, its number, when it arrived and so when it falls due,
/// and its lines, one per child and period. Amounts are as invoiced and never edited: a correction is a credit note.
/// Whoever <see cref="RecordedBy">recorded</see> it cannot approve it (segregation of duties, domain.md §6).
/// </summary>
public sealed class Invoice : IAudited
{
    private readonly List<InvoiceLine> _lines = [];

    private Invoice() { }

    public Invoice(int providerId, string providerReference, string number, InvoiceKind kind, LocalDate invoiceDate, LocalDate receivedOn,
        int paymentTermDays, string recordedBy, Instant recordedAt, string source, int? creditsInvoiceId)
    {
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainRuleException("InvoiceNeedsANumber", "Give the provider's invoice number.");
        if (receivedOn < invoiceDate)
            throw new DomainRuleException("ReceivedBeforeInvoiceDate", "An invoice cannot be received before its date.");
        (ProviderId, ProviderReference, Number, Kind, InvoiceDate, ReceivedOn) = (providerId, providerReference, number.Trim(), kind, invoiceDate, receivedOn);
        DueOn = DueDate(receivedOn, paymentTermDays);
        (RecordedBy, RecordedAt, Source, CreditsInvoiceId) = (recordedBy, recordedAt, source, creditsInvoiceId);
    }

    /// <summary>Receipt + 30 days, or the contract's shorter term (reg 113; Procurement Act 2023 s68).</summary>
    public static LocalDate DueDate(LocalDate receivedOn, int paymentTermDays) => receivedOn.PlusDays(Math.Clamp(paymentTermDays, 1, 30));

    public int Id { get; private set; }
    public int ProviderId { get; private set; }
    public string ProviderReference { get; private set; } = "";
    /// <summary>The provider's own invoice number: unique per provider.</summary>
    public string Number { get; private set; } = "";
    public InvoiceKind Kind { get; private set; }
    public LocalDate InvoiceDate { get; private set; }
    public LocalDate ReceivedOn { get; private set; }
    public LocalDate DueOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Instant RecordedAt { get; private set; }
    /// <summary>"form", or the imported file's name.</summary>
    public string Source { get; private set; } = "";
    /// <summary>For a credit note: the invoice it reduces.</summary>
    public int? CreditsInvoiceId { get; private set; }
    /// <summary>What the daily deadline check last found: null, <c>DueSoon</c> or <c>Overdue</c>.</summary>
    public string? DeadlineFlag { get; private set; }
    public LocalDate? DeadlineCheckedOn { get; private set; }
    /// <summary>
    /// Statutory interest and compensation the council actually paid on this invoice when it was paid late. Interest is not
    /// a cost of educating the child, so it is paid from the council's general fund, not the High Needs Block: it is
    /// recorded here for reg 113, not put through a payment run.
    /// </summary>
    public Money? InterestPaid { get; private set; }
    public LocalDate? InterestPaidOn { get; private set; }
    public string? InterestRecordedBy { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public Money Total => Money.Sum(_lines.Select(l => l.Amount));

    public string AuditKey => $"{ProviderReference} {(Kind == InvoiceKind.CreditNote ? "credit note" : "invoice")} {Number}";

    public InvoiceLine AddLine(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line.LineNumber = _lines.Count + 1;
        _lines.Add(line);
        return line;
    }

    /// <exception cref="DomainRuleException"><c>InterestMustBePositive</c>.</exception>
    public void RecordInterestPaid(Money amount, LocalDate paidOn, string by)
    {
        if (amount.IsNegative || amount.IsZero)
            throw new DomainRuleException("InterestMustBePositive", "Give the interest and compensation paid (more than £0.00).");
        (InterestPaid, InterestPaidOn, InterestRecordedBy) = (amount, paidOn, by);
    }

    /// <summary>Sets the deadline flag found by the daily check (idempotent: the same day's check changes nothing).</summary>
    public bool Flag(string? flag, LocalDate checkedOn)
    {
        if (DeadlineFlag == flag && DeadlineCheckedOn == checkedOn) return false;
        (DeadlineFlag, DeadlineCheckedOn) = (flag, checkedOn);
        return true;
    }
}
