using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.PooledFunding;

/// <summary>
/// A partner's recharge for a period (domain.md §8): its share of what the council actually paid for each jointly funded
/// placement — payments, invoices and adjustments approved in the period — with the split in force on each day. Its lines
/// are income to the High Needs Block. Never changed once prepared; what the partner pays is recorded against it, so
/// outstanding recharges show (partners pay late too).
/// </summary>
public sealed class RechargeStatement : IAudited
{
    private readonly List<RechargeLine> _lines = [];
    private readonly List<RechargeReceipt> _receipts = [];
    private readonly List<RechargedMonth> _months = [];

    private RechargeStatement() { }

    public RechargeStatement(Partner partner, DateInterval period, string preparedBy, Instant preparedAt, LocalDate dueDate, IEnumerable<RechargeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        if (partner == Partner.Education)
            throw RechargeSchedule.EducationIsNotRecharged();
        (Partner, PeriodStart, PeriodEnd, PreparedBy, PreparedAt, DueDate) = (partner, period.Start, period.End, preparedBy, preparedAt, dueDate);
        _lines.AddRange(lines);
        Total = Money.Sum(_lines.Select(l => l.Share));
        for (var month = period.Start.With(DateAdjusters.StartOfMonth); month <= period.End; month = month.PlusMonths(1))
            _months.Add(new RechargedMonth(partner, month));
    }

    public int Id { get; private set; }
    public Partner Partner { get; private set; }
    public LocalDate PeriodStart { get; private set; }
    public LocalDate PeriodEnd { get; private set; }
    public string PreparedBy { get; private set; } = "";
    public Instant PreparedAt { get; private set; }
    public LocalDate DueDate { get; private set; }
    public Money Total { get; private set; }
    public IReadOnlyList<RechargeLine> Lines => _lines;
    public IReadOnlyList<RechargeReceipt> Receipts => _receipts;
    /// <summary>The months the statement recharges, one row each, unique per partner in the database.</summary>
    public IReadOnlyList<RechargedMonth> Months => _months;

    /// <summary>E.g. RCH-HEALTH-2026-11 (a month) or RCH-SOCIALCARE-2026-10-Q (a quarter from October).</summary>
    public string Reference => $"RCH-{Partner.ToString().ToUpperInvariant()}-{PeriodStart:yyyy-MM}" + (PeriodStart.PlusMonths(1).PlusDays(-1) == PeriodEnd ? "" : "-Q");

    public Money Received => Money.Sum(_receipts.Select(r => r.Amount));

    public Money Outstanding => Total - Received;

    public bool IsOverdue(LocalDate today) => Outstanding.Pence > 0 && today > DueDate;

    public string AuditKey => Reference;

    /// <exception cref="DomainRuleException"><c>ReceiptMustBePositive</c>; <c>NothingOwed</c>; <c>ReceiptAboveOutstanding</c>.</exception>
    public RechargeReceipt Receive(Money amount, LocalDate on, string recordedBy, Instant at)
    {
        if (amount.Pence <= 0) throw new DomainRuleException("ReceiptMustBePositive", "Enter the amount received: more than £0.00.");
        // A partner's overpayment is not income of this statement: finance refunds it or agrees where it goes.
        if (Outstanding.Pence <= 0)
            throw new DomainRuleException("NothingOwed", $"Nothing is owed on {Reference}: its total is {Total} and {Received} has been received.");
        if (amount > Outstanding)
            throw new DomainRuleException("ReceiptAboveOutstanding", $"{amount} is more than the {Outstanding} outstanding on {Reference}.");
        var receipt = new RechargeReceipt(amount, on, recordedBy, at);
        _receipts.Add(receipt);
        return receipt;
    }
}

/// <summary>
/// A month a statement recharges to its partner. Unique per partner and month in the database, so no two statements —
/// a monthly one and a quarterly one prepared at the same moment on two servers — can recharge the same month twice:
/// the second transaction fails and writes nothing.
/// </summary>
public sealed class RechargedMonth
{
    private RechargedMonth() { }

    public RechargedMonth(Partner partner, LocalDate monthStart) => (Partner, MonthStart) = (partner, monthStart);

    public long Id { get; private set; }
    public int RechargeStatementId { get; private set; }
    public Partner Partner { get; private set; }
    /// <summary>The first day of the month.</summary>
    public LocalDate MonthStart { get; private set; }
}

/// <summary>One payment's share on a statement: the placement (reference and initials only), what was paid, the days, the split and the share.</summary>
public sealed class RechargeLine
{
    private RechargeLine() { }

    public RechargeLine(int placementId, string placementReference, string childInitials, string description, DateInterval days, Money paid, string split, Money share, string s251Line)
    {
        ArgumentNullException.ThrowIfNull(days);
        (PlacementId, PlacementReference, ChildInitials, Description) = (placementId, placementReference, childInitials, description);
        (DaysFrom, DaysTo, Paid, Split, Share, S251Line) = (days.Start, days.End, paid, split, share, s251Line);
    }

    public long Id { get; private set; }
    public int RechargeStatementId { get; private set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public string Description { get; private set; } = "";
    public LocalDate DaysFrom { get; private set; }
    public LocalDate DaysTo { get; private set; }
    /// <summary>The part of the payment for these days.</summary>
    public Money Paid { get; private set; }
    public string Split { get; private set; } = "";
    /// <summary>The partner's share: income to the line the payment was charged to.</summary>
    public Money Share { get; private set; }
    public string S251Line { get; private set; } = "";
}

/// <summary>Money a partner paid against a statement.</summary>
public sealed class RechargeReceipt
{
    private RechargeReceipt() { }

    internal RechargeReceipt(Money amount, LocalDate receivedOn, string recordedBy, Instant recordedAt) =>
        (Amount, ReceivedOn, RecordedBy, RecordedAt) = (amount, receivedOn, recordedBy, recordedAt);

    public int Id { get; private set; }
    public int RechargeStatementId { get; private set; }
    public Money Amount { get; private set; }
    public LocalDate ReceivedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Instant RecordedAt { get; private set; }
}
