using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.Payments;

/// <summary>Where a payment run is in its life: Draft → (AwaitingSecondApproval) → Approved → Exported.</summary>
public enum PaymentRunStatus
{
    /// <summary>Prepared and open: preparing the month again recomputes it; holds can be placed.</summary>
    Draft,

    /// <summary>Approved by one approver whose limit does not cover the total; a second approver with a higher limit must approve.</summary>
    AwaitingSecondApproval,

    /// <summary>Approved: its lines count as paid and never change.</summary>
    Approved,

    /// <summary>Approved and handed to the ledger (payment lines, ledger journal, remittances).</summary>
    Exported,
}

/// <summary>
/// One monthly run of top-up payments (domain.md §4). The month's first run has <see cref="Sequence"/> 1; once it is
/// approved, preparing the month again posts only what has changed since, as a supplementary run (2, 3, …). The
/// database holds (month, sequence) unique, so two preparations at once produce one run.
/// </summary>
public sealed class PaymentRun : IAudited
{
    private readonly List<PaymentRunEvent> _events = [];

    private PaymentRun() { }

    public PaymentRun(YearMonth month, int sequence, string preparedBy, Instant preparedAt)
    {
        Month = month;
        Sequence = sequence;
        PreparedBy = preparedBy;
        PreparedAt = preparedAt;
        _events.Add(new PaymentRunEvent(preparedAt, preparedBy, "Prepared", null, PaymentRunStatus.Draft, null));
    }

    public int Id { get; private set; }
    /// <summary>The month the run covers: entitlement runs through its last day.</summary>
    public YearMonth Month { get; private set; }
    /// <summary>1 for the month's run; 2 and up for supplementary runs after an approved one.</summary>
    public int Sequence { get; private set; }
    public PaymentRunStatus Status { get; private set; } = PaymentRunStatus.Draft;
    /// <summary>Who prepared (or last recomputed) the run; they may not approve it.</summary>
    public string PreparedBy { get; private set; } = "";
    public Instant PreparedAt { get; private set; }
    /// <summary>What the run pays: every line not held, recoveries netted off.</summary>
    public Money Total { get; private set; }
    /// <summary>The amount on held lines, not paid by this run.</summary>
    public Money HeldTotal { get; private set; }
    public int LineCount { get; private set; }
    /// <summary>How many placements could not be computed (listed as problems); they are not paid until mended.</summary>
    public int ProblemCount { get; private set; }
    public string? FirstApprovedBy { get; private set; }
    public Instant? FirstApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Instant? ApprovedAt { get; private set; }
    public string? ExportedBy { get; private set; }
    public Instant? ExportedAt { get; private set; }
    /// <summary>
    /// Goes up with every change (recompute, hold, approval): the database refuses a save from someone who read an
    /// older version, so an approver never approves figures other than the ones they were shown.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Every transition: who, when, from what to what, and their note.</summary>
    public IReadOnlyList<PaymentRunEvent> Events => _events;

    /// <summary>Whether the run's lines count as paid.</summary>
    public bool IsApproved => Pays(Status);

    /// <summary>Whether a run in <paramref name="status"/> has paid its lines (those not held): approved, or approved and exported.</summary>
    public static bool Pays(PaymentRunStatus status) => status is PaymentRunStatus.Approved or PaymentRunStatus.Exported;

    /// <summary><see cref="IsApproved"/> as a query the database runs (PaymentRunInputs' SQL says the same in SQL).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PaymentRun, bool>> Approved =
        r => r.Status == PaymentRunStatus.Approved || r.Status == PaymentRunStatus.Exported;

    /// <summary>"May 2026", or "May 2026 (supplementary run 2)".</summary>
    public string Title => Sequence == 1 ? Describe(Month) : $"{Describe(Month)} (supplementary run {Sequence})";

    public static string Describe(YearMonth month) => month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records a recomputation of a Draft run by <paramref name="by"/>, who becomes its preparer.</summary>
    public void Recomputed(string by, Instant at)
    {
        RequireStatus("recompute", PaymentRunStatus.Draft);
        PreparedBy = by;
        PreparedAt = at;
        FirstApprovedBy = null;
        FirstApprovedAt = null;
        Version++;
        _events.Add(new PaymentRunEvent(at, by, "Recomputed", PaymentRunStatus.Draft, PaymentRunStatus.Draft, null));
    }

    /// <summary>Sets the run's totals from its lines (while Draft: holds change them).</summary>
    public void Totals(Money total, Money heldTotal, int lineCount, int problemCount)
    {
        RequireStatus("change the totals of", PaymentRunStatus.Draft);
        (Total, HeldTotal, LineCount, ProblemCount) = (total, heldTotal, lineCount, problemCount);
        Version++;
    }

    /// <summary>
    /// Approval with segregation of duties: the approver is not the preparer, and their limit covers the total; otherwise
    /// their approval is the first of two and a second approver, whose limit covers it, must also approve.
    /// </summary>
    /// <exception cref="DomainRuleException">
    /// <c>PaymentRunMustBeAwaitingApproval</c>, <c>PreparerCannotApprove</c>, <c>ApproverNeedsALimit</c>,
    /// <c>SecondApproverMustDiffer</c>, <c>SecondApproverLimitMustCoverTotal</c>.
    /// </exception>
    public void Approve(string approver, Money approvalLimit, Instant at, string? note)
    {
        if (Status is not (PaymentRunStatus.Draft or PaymentRunStatus.AwaitingSecondApproval))
            throw new DomainRuleException("PaymentRunMustBeAwaitingApproval", $"The {Title} run is {Describe(Status)}: there is nothing to approve.");
        if (string.Equals(approver, PreparedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("PreparerCannotApprove", $"{approver} prepared the {Title} run, so cannot approve it: another finance approver must.");
        if (approvalLimit <= Money.Zero)
            throw new DomainRuleException("ApproverNeedsALimit", $"{approver} has no approval limit. An administrator sets it on the users page.");
        var covers = approvalLimit >= Total.Abs();
        if (Status == PaymentRunStatus.AwaitingSecondApproval)
        {
            if (string.Equals(approver, FirstApprovedBy, StringComparison.OrdinalIgnoreCase))
                throw new DomainRuleException("SecondApproverMustDiffer", $"{approver} has already approved the {Title} run; a second approver must.");
            if (!covers)
                throw new DomainRuleException("SecondApproverLimitMustCoverTotal",
                    $"The {Title} run totals {Total}, above {approver}'s approval limit of {approvalLimit}: an approver whose limit covers it must approve.");
            Move(PaymentRunStatus.Approved, "Approved", approver, at, note);
            (ApprovedBy, ApprovedAt) = (approver, at);
            return;
        }
        if (covers)
        {
            Move(PaymentRunStatus.Approved, "Approved", approver, at, note);
            (ApprovedBy, ApprovedAt) = (approver, at);
        }
        else
        {
            Move(PaymentRunStatus.AwaitingSecondApproval, "First approval", approver, at, note);
            (FirstApprovedBy, FirstApprovedAt) = (approver, at);
        }
    }

    /// <summary>Records that the approved run was handed to the ledger.</summary>
    /// <exception cref="DomainRuleException"><c>OnlyAnApprovedRunIsExported</c>.</exception>
    public void Exported(string by, Instant at, string? note)
    {
        if (Status == PaymentRunStatus.Exported) return;
        if (Status != PaymentRunStatus.Approved)
            throw new DomainRuleException("OnlyAnApprovedRunIsExported", $"The {Title} run is {Describe(Status)}: only an approved run is exported.");
        Move(PaymentRunStatus.Exported, "Exported", by, at, note);
        (ExportedBy, ExportedAt) = (by, at);
    }

    /// <summary>Records a hold or release on the run's history (the lines change, not the status).</summary>
    public void Noted(string action, string by, Instant at, string note)
    {
        RequireStatus(action.ToLowerInvariant(), PaymentRunStatus.Draft);
        _events.Add(new PaymentRunEvent(at, by, action, Status, Status, note));
        Version++;
    }

    public static string Describe(PaymentRunStatus status) => status switch
    {
        PaymentRunStatus.AwaitingSecondApproval => "awaiting a second approval",
        _ => status.ToString().ToLowerInvariant(),
    };

    public string AuditKey => $"payment run {Month:yyyy-MM} #{Sequence}";

    private void Move(PaymentRunStatus to, string action, string by, Instant at, string? note)
    {
        _events.Add(new PaymentRunEvent(at, by, action, Status, to, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        Status = to;
        Version++;
    }

    private void RequireStatus(string action, PaymentRunStatus status)
    {
        if (Status != status)
            throw new DomainRuleException("PaymentRunIsNotDraft", $"Cannot {action} the {Title} run: it is {Describe(Status)}, and an approved run never changes.");
    }
}

/// <summary>One transition of a payment run: who, when, from which state to which, and their note. Never changed.</summary>
public sealed class PaymentRunEvent
{
    private PaymentRunEvent() { }

    internal PaymentRunEvent(Instant at, string actor, string action, PaymentRunStatus? from, PaymentRunStatus to, string? note)
    {
        (At, Actor, Action, From, To, Note) = (at, actor, action, from, to, note);
    }

    public long Id { get; private set; }
    public int PaymentRunId { get; private set; }
    public Instant At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public PaymentRunStatus? From { get; private set; }
    public PaymentRunStatus To { get; private set; }
    public string? Note { get; private set; }
}
