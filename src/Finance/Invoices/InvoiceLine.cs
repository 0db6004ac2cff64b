using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.Invoices;

/// <summary>Where an invoice line is in its life (domain.md §6).</summary>
public enum InvoiceLineStatus
{
    /// <summary>No agreement yet covers the child and period: it cannot be matched.</summary>
    Unmatched,
    /// <summary>Matched, and its variance beyond the tolerance: the query's reason says why.</summary>
    Queried,
    /// <summary>Matched within the tolerance (or its query resolved): waiting for a second officer to approve.</summary>
    ReadyToApprove,
    /// <summary>Approved in full: joins the next payment run.</summary>
    Approved,
    /// <summary>The undisputed part approved; the rest stays disputed.</summary>
    PartlyApproved,
    /// <summary>Not payable (e.g. the child was not on roll); closed.</summary>
    Rejected,
    /// <summary>
    /// A credit note line netted off the line it credits while that line was still open (not yet approved): the credited
    /// line's net invoiced falls, and nothing is paid or recovered on this line itself. A credit for a line already
    /// approved is instead matched as ReadyToApprove and, once approved, recovered as a negative Fee line.
    /// </summary>
    AppliedToInvoice,
}

/// <summary>
/// One line of an invoice: a child's placement for a period, the amount invoiced, and what the agreement says it should
/// be. Credit note lines are negative and name the invoice line they reduce.
/// </summary>
public sealed class InvoiceLine : IAudited
{
    private InvoiceLine() { }

    /// <exception cref="DomainRuleException"><c>PeriodEndsBeforeItStarts</c>.</exception>
    public InvoiceLine(int placementId, string placementReference, string childReference, string childInitials,
        LocalDate periodStart, LocalDate periodEnd, Money amount, string? description, long? creditsLineId, string? duplicateOverrideReason)
    {
        if (periodEnd < periodStart)
            throw new DomainRuleException("PeriodEndsBeforeItStarts", "The period cannot end before it starts.");
        (PlacementId, PlacementReference, ChildReference, ChildInitials) = (placementId, placementReference, childReference, childInitials);
        (PeriodStart, PeriodEnd, Amount) = (periodStart, periodEnd, amount);
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        CreditsLineId = creditsLineId;
        DuplicateOverrideReason = string.IsNullOrWhiteSpace(duplicateOverrideReason) ? null : duplicateOverrideReason.Trim();
    }

    public long Id { get; private set; }
    public int InvoiceId { get; private set; }
    public int LineNumber { get; internal set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public LocalDate PeriodStart { get; private set; }
    public LocalDate PeriodEnd { get; private set; }
    public string? Description { get; private set; }
    /// <summary>As invoiced; negative on a credit note.</summary>
    public Money Amount { get; private set; }
    /// <summary>For a credit note line: the invoice line it reduces.</summary>
    public long? CreditsLineId { get; private set; }
    /// <summary>Why a line for a child and period already invoiced was accepted anyway.</summary>
    public string? DuplicateOverrideReason { get; private set; }

    public int? AgreementId { get; private set; }
    /// <summary>What the agreement says the period should cost; null until matched.</summary>
    public Money? Expected { get; private set; }
    /// <summary>Invoiced, plus the (negative) credit note lines applied to this line.</summary>
    public Money NetInvoiced { get; private set; }
    public InvoiceLineStatus Status { get; private set; } = InvoiceLineStatus.Unmatched;
    public string? QueryReason { get; private set; }
    public Money? ApprovedAmount { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Instant? ApprovedAt { get; private set; }
    public string? ApprovalNote { get; private set; }
    /// <summary>The date the payment run that paid the line was approved.</summary>
    public LocalDate? PaidOn { get; private set; }
    public int? PaidInRunId { get; private set; }

    /// <summary>Variance = net invoiced − expected (positive: the provider asks for more than agreed).</summary>
    public Money? Variance => Expected is { } e ? NetInvoiced - e : null;

    /// <summary>Net invoiced less what has been approved: the part in dispute.</summary>
    public Money Disputed => Status == InvoiceLineStatus.PartlyApproved && ApprovedAmount is { } a ? NetInvoiced - a : Money.Zero;

    public bool IsCredit => CreditsLineId is not null;

    public bool IsOpen => Status is InvoiceLineStatus.Unmatched or InvoiceLineStatus.Queried or InvoiceLineStatus.ReadyToApprove;

    public string AuditKey => $"invoice line {InvoiceId}/{LineNumber} ({PlacementReference} {PeriodStart:yyyy-MM-dd}–{PeriodEnd:yyyy-MM-dd})";

    /// <summary>Records the match: the agreement, the expected amount, the net invoiced and the status the tolerance gives.</summary>
    public void Matched(int? agreementId, Money? expected, Money netInvoiced, InvoiceLineStatus status, string? queryReason)
    {
        if (!IsOpen) return; // approved or rejected lines keep the match they were decided on
        (AgreementId, Expected, NetInvoiced, Status) = (agreementId, expected, netInvoiced, status);
        QueryReason = status == InvoiceLineStatus.Queried || status == InvoiceLineStatus.Unmatched ? queryReason : null;
    }

    /// <summary>An officer queries a line with the provider, with a reason.</summary>
    /// <exception cref="DomainRuleException"><c>QueryNeedsAReason</c>, <c>InvoiceLineIsClosed</c>.</exception>
    public void Query(string reason)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("QueryNeedsAReason", "Say why the line is queried.");
        (Status, QueryReason) = (InvoiceLineStatus.Queried, reason.Trim());
    }

    /// <summary>Approves <paramref name="amount"/> of the line: all of it, or (partial approval) the undisputed part.</summary>
    /// <exception cref="DomainRuleException">
    /// <c>InvoiceLineIsClosed</c>, <c>UnmatchedLineCannotBeApproved</c>, <c>ApprovedAmountOutOfRange</c>, <c>PartialApprovalNeedsANote</c>.
    /// </exception>
    public void Approve(Money amount, string by, Instant at, string? note)
    {
        RequireOpen();
        if (Status == InvoiceLineStatus.Unmatched)
            throw new DomainRuleException("UnmatchedLineCannotBeApproved", $"Line {LineNumber} has no agreement to match: it cannot be approved.");
        var (low, high) = NetInvoiced.IsNegative ? (NetInvoiced, Money.Zero) : (Money.Zero, NetInvoiced);
        if (amount < low || amount > high || (amount.IsZero && !NetInvoiced.IsZero))
            throw new DomainRuleException("ApprovedAmountOutOfRange", $"Approve between {low} and {high} on line {LineNumber} (not nothing).");
        var partial = amount != NetInvoiced;
        if (partial && string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException("PartialApprovalNeedsANote", $"Say why only {amount} of {NetInvoiced} on line {LineNumber} is approved.");
        (ApprovedAmount, ApprovedBy, ApprovedAt) = (amount, by, at);
        ApprovalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = partial ? InvoiceLineStatus.PartlyApproved : InvoiceLineStatus.Approved;
    }

    /// <exception cref="DomainRuleException"><c>InvoiceLineIsClosed</c>, <c>RejectionNeedsAReason</c>.</exception>
    public void Reject(string reason, string by, Instant at)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("RejectionNeedsAReason", "Say why the line is rejected.");
        (Status, QueryReason, ApprovedBy, ApprovedAt) = (InvoiceLineStatus.Rejected, reason.Trim(), by, at);
    }

    /// <summary>Paid by the run approved on <paramref name="paidOn"/>.</summary>
    public void PaidBy(int runId, LocalDate paidOn) => (PaidInRunId, PaidOn) = (runId, paidOn);

    private void RequireOpen()
    {
        if (!IsOpen) throw new DomainRuleException("InvoiceLineIsClosed", $"Line {LineNumber} is already {Status}.");
    }
}
