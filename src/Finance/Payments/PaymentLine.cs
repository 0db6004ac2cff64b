using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Payments;

/// <summary>
/// One posted amount of a payment run: a placement's top-up for the run month, or an adjustment to earlier months
/// (negative = a recovery), for one financial year. Lines of an approved run are never changed: a correction is a new
/// line in a later run. Children are carried by reference and initials only.
/// </summary>
public sealed class PaymentLine
{
    private PaymentLine() { }

    public PaymentLine(int paymentRunId, PlannedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        PaymentRunId = paymentRunId;
        PlacementId = line.PlacementId;
        PlacementReference = line.PlacementReference;
        ProviderId = line.ProviderId;
        ProviderReference = line.ProviderReference;
        ChildReference = line.ChildReference;
        ChildInitials = line.ChildInitials;
        FinancialYear = line.FinancialYear;
        Kind = line.Kind;
        Amount = line.Amount;
        S251Line = line.S251Line;
        Reason = line.Reason;
        HoldId = line.HoldId;
        ServiceFrom = line.ServiceDays?.Start;
        ServiceTo = line.ServiceDays?.End;
    }

    public long Id { get; private set; }
    public int PaymentRunId { get; private set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public int ProviderId { get; private set; }
    public string ProviderReference { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public FinancialYear FinancialYear { get; private set; }
    public PaymentKind Kind { get; private set; }
    /// <summary>Negative = a recovery, netted off the provider's remittance.</summary>
    public Money Amount { get; private set; }
    /// <summary>The s251 budget line the money is charged to (1.2.1, 1.2.2 or 1.2.3).</summary>
    public string S251Line { get; private set; } = "";
    /// <summary>Why an adjustment was made; null for a plain top-up.</summary>
    public string? Reason { get; private set; }
    /// <summary>The hold stopping this line, if any: a held line is not paid and not exported.</summary>
    public int? HoldId { get; private set; }
    /// <summary>
    /// The first and last day of service the line pays for, as the run saw them: the run month's days on roll for a top-up,
    /// the days an adjustment corrects (e.g. from a leaver date to the end of the month last paid), the invoices' periods
    /// for a fee. Recharges share a line by the split in force on these days. Null on lines posted before they were kept.
    /// </summary>
    public LocalDate? ServiceFrom { get; private set; }
    public LocalDate? ServiceTo { get; private set; }

    /// <summary>The days the line pays for, when it says.</summary>
    public DateInterval? ServiceDays => ServiceFrom is { } from && ServiceTo is { } to && to >= from ? new DateInterval(from, to) : null;

    public bool IsHeld => HoldId is not null;

    /// <summary>Holds the line (while its run is a draft).</summary>
    internal void HoldUnder(int? holdId) => HoldId = holdId;

    /// <summary>Released from its hold in a draft: an adjustment now says the money was held, which is why it is paid late.</summary>
    internal void ReleasedFrom(PaymentHold hold)
    {
        HoldId = null;
        if (Kind == PaymentKind.Adjustment) Reason = $"held payment released (held for: {hold.Reason})";
    }
}

/// <summary>A line as the calculation plans it, before it is posted to a run.</summary>
public sealed record PlannedLine(
    int PlacementId, string PlacementReference, int ProviderId, string ProviderReference, string ChildReference,
    string ChildInitials, FinancialYear FinancialYear, PaymentKind Kind, Money Amount, string S251Line, string? Reason, int? HoldId,
    DateInterval? ServiceDays = null);

/// <summary>A placement a run could not compute (e.g. no top-up band for a year): listed for the officer, not paid until mended.</summary>
public sealed class PaymentRunProblem
{
    private PaymentRunProblem() { }

    public PaymentRunProblem(int paymentRunId, string placementReference, string providerReference, string message)
    {
        (PaymentRunId, PlacementReference, ProviderReference, Message) = (paymentRunId, placementReference, providerReference, message);
    }

    public long Id { get; private set; }
    public int PaymentRunId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string ProviderReference { get; private set; } = "";
    public string Message { get; private set; } = "";
}
