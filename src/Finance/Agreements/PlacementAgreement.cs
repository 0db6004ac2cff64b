using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Placements;
using Placements.Finance.Agreements.Calculation;

namespace Placements.Finance.Agreements;

/// <summary>How the provider invoices the agreement (a contract setting, domain.md §5).</summary>
public enum InvoicingPattern
{
    /// <summary>One invoice per term, before the term starts.</summary>
    TermlyInAdvance,
    /// <summary>One invoice per calendar month, after the month ends.</summary>
    MonthlyInArrears,
}

/// <summary>How a termly-invoiced year's fee is shared between its three terms.</summary>
public enum TermSplit
{
    /// <summary>Each term in proportion to its school days (52-week placements: its calendar days).</summary>
    SchoolDays,
    /// <summary>A third of the year's fee each term.</summary>
    EqualThirds,
}

/// <summary>What a fee row is quoted as: an annual fee, or a daily rate × a number of days a year (e.g. £175.52 × 195 = £34,226.40).</summary>
public enum FeeBasis
{
    Annual,
    DailyRate,
}

/// <summary>The kinds of extra an individual placement agreement commonly buys beside the fee.</summary>
public enum ExtraKind
{
    OneToOneSupport,
    Therapy,
    Transport,
    Other,
}

/// <summary>
/// The individual placement agreement of a fee-paid placement (INMSS, SPI and other independent providers): the fee and
/// its dated changes, the extras, and the contract settings that decide what each invoice should be. The placement's
/// dates and attendance come from Commissioning; the agreement yields the <see cref="ExpectedAmount"/> of any invoice period.
/// </summary>
public sealed class PlacementAgreement : IAudited
{
    private readonly List<AgreementFee> _fees = [];
    private readonly List<AgreementExtra> _extras = [];

    private PlacementAgreement() { }

    public PlacementAgreement(int placementId, string placementReference, int providerId, string providerReference,
        InvoicingPattern invoicing, TermSplit termSplit, bool feesPayableDuringAbsence, string noticePeriod, LocalDate? feeReviewDate,
        int paymentTermDays, string? contractReference)
    {
        (PlacementId, PlacementReference, ProviderId, ProviderReference) = (placementId, placementReference, providerId, providerReference);
        SetTerms(invoicing, termSplit, feesPayableDuringAbsence, noticePeriod, feeReviewDate, paymentTermDays, contractReference);
    }

    public int Id { get; private set; }
    /// <summary>The Commissioning placement (one agreement per placement).</summary>
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public int ProviderId { get; private set; }
    public string ProviderReference { get; private set; } = "";
    public InvoicingPattern Invoicing { get; private set; }
    public TermSplit TermSplit { get; private set; }
    /// <summary>Whether the fee is payable while the child is absent (common in INMSS contracts).</summary>
    public bool FeesPayableDuringAbsence { get; private set; }
    /// <summary>E.g. "one term": how long before leaving either side must give notice.</summary>
    public string NoticePeriod { get; private set; } = "";
    /// <summary>When the provider may next review its fee (often 1 April).</summary>
    public LocalDate? FeeReviewDate { get; private set; }
    /// <summary>Days from receipt to pay a valid invoice: 30 by law (reg 113), or the contract's shorter term.</summary>
    public int PaymentTermDays { get; private set; } = 30;
    /// <summary>E.g. the National Schools and Colleges Contract reference.</summary>
    public string? ContractReference { get; private set; }
    public IReadOnlyList<AgreementFee> Fees => _fees;
    public IReadOnlyList<AgreementExtra> Extras => _extras;

    public string AuditKey => $"agreement for {PlacementReference}";

    /// <exception cref="DomainRuleException"><c>PaymentTermCannotExceedThirtyDays</c>.</exception>
    public void SetTerms(InvoicingPattern invoicing, TermSplit termSplit, bool feesPayableDuringAbsence, string noticePeriod,
        LocalDate? feeReviewDate, int paymentTermDays, string? contractReference)
    {
        if (paymentTermDays is < 1 or > 30)
            throw new DomainRuleException("PaymentTermCannotExceedThirtyDays",
                "The payment term must be between 1 and 30 days: valid invoices must be paid within 30 days (reg 113).");
        (Invoicing, TermSplit, FeesPayableDuringAbsence) = (invoicing, termSplit, feesPayableDuringAbsence);
        NoticePeriod = noticePeriod?.Trim() ?? "";
        (FeeReviewDate, PaymentTermDays) = (feeReviewDate, paymentTermDays);
        ContractReference = string.IsNullOrWhiteSpace(contractReference) ? null : contractReference.Trim();
    }

    /// <summary>The fee from <paramref name="fee"/>'s date: the first fee, or a dated change (an uplift).</summary>
    /// <exception cref="DomainRuleException"><c>FeeChangeAlreadyRecordedForDate</c>.</exception>
    public AgreementFee ChangeFee(AgreementFee fee)
    {
        ArgumentNullException.ThrowIfNull(fee);
        if (_fees.Any(f => f.EffectiveFrom == fee.EffectiveFrom))
            throw new DomainRuleException("FeeChangeAlreadyRecordedForDate",
                $"The agreement for {PlacementReference} already has a fee from {fee.EffectiveFrom:d MMMM uuuu}.");
        fee.Of(AuditKey);
        _fees.Add(fee);
        return fee;
    }

    public AgreementExtra AddExtra(AgreementExtra extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        extra.Of(AuditKey);
        _extras.Add(extra);
        return extra;
    }

    /// <summary>The agreement as the pure calculation reads it, for a placement with these dates and attendance.</summary>
    public AgreementTerms ToTerms(LocalDate placementStart, LocalDate? placementEnd, Attendance attendance) =>
        new(PlacementReference, placementStart, placementEnd, attendance, Invoicing, TermSplit,
            _fees.Select(f => new FeeRow(f.EffectiveFrom, f.AnnualAmount)).OrderBy(f => f.EffectiveFrom).ToList(),
            _extras.Select(e => new ExtraRow(e.Kind, e.Description, e.From, e.To, e.AnnualAmount)).ToList());
}

/// <summary>The agreement's fee from <see cref="EffectiveFrom"/>: an annual fee, or a daily rate × days a year.</summary>
public sealed class AgreementFee : IAudited
{
    private string _agreement = "";

    private AgreementFee() { }

    private AgreementFee(LocalDate effectiveFrom, FeeBasis basis, Money annualAmount, Money? dailyRate, int? days)
    {
        if (annualAmount.IsNegative)
            throw new DomainRuleException("FeeMustNotBeNegative", "A fee cannot be negative.");
        (EffectiveFrom, Basis, AnnualAmount, DailyRate, Days) = (effectiveFrom, basis, annualAmount, dailyRate, days);
    }

    /// <exception cref="DomainRuleException"><c>FeeMustNotBeNegative</c>.</exception>
    public static AgreementFee Annual(LocalDate effectiveFrom, Money annualFee) => new(effectiveFrom, FeeBasis.Annual, annualFee, null, null);

    /// <summary>
    /// A daily rate × days a year, exact (pence × whole days): £175.52 × 195 = £34,226.40. (domain.md §5 quotes "£175.57 × 195
    /// days = £34,226.40", but £175.57 × 195 is £34,236.15: the fee quoted is £175.52 a day.)
    /// </summary>
    /// <exception cref="DomainRuleException"><c>FeeMustNotBeNegative</c>, <c>DaysMustBeBetween1And366</c>.</exception>
    public static AgreementFee Daily(LocalDate effectiveFrom, Money dailyRate, int days) =>
        days is < 1 or > 366
            ? throw new DomainRuleException("DaysMustBeBetween1And366", "Give the number of days a year the daily rate is charged for (1 to 366).")
            : new(effectiveFrom, FeeBasis.DailyRate, new Money(checked(dailyRate.Pence * days)), dailyRate, days);

    public int Id { get; private set; }
    public int AgreementId { get; private set; }
    public LocalDate EffectiveFrom { get; private set; }
    public FeeBasis Basis { get; private set; }
    /// <summary>The fee for a whole year (for a daily rate, rate × days).</summary>
    public Money AnnualAmount { get; private set; }
    public Money? DailyRate { get; private set; }
    public int? Days { get; private set; }

    /// <summary>A fee is money: its creation is audited under the agreement's key (e.g. "agreement for PL-005 fee from 2026-04-01").</summary>
    public string AuditKey => $"{_agreement} fee from {EffectiveFrom:yyyy-MM-dd}".TrimStart();

    internal void Of(string agreementKey) => _agreement = agreementKey;

    public string Describe() => Basis == FeeBasis.DailyRate ? $"{DailyRate} × {Days} days = {AnnualAmount} a year" : $"{AnnualAmount} a year";
}

/// <summary>An extra bought beside the fee (1:1 support, a therapy, transport), with its own annual amount and dates.</summary>
public sealed class AgreementExtra : IAudited
{
    private string _agreement = "";

    private AgreementExtra() { }

    /// <exception cref="DomainRuleException"><c>ExtraNeedsADescription</c>, <c>FeeMustNotBeNegative</c>, <c>ExtraMustEndOnOrAfterItsStart</c>.</exception>
    public AgreementExtra(ExtraKind kind, string description, Money annualAmount, LocalDate from, LocalDate? to)
    {
        if (string.IsNullOrWhiteSpace(description))
            throw new DomainRuleException("ExtraNeedsADescription", "Describe the extra (e.g. \"1:1 teaching assistant\").");
        if (annualAmount.IsNegative)
            throw new DomainRuleException("FeeMustNotBeNegative", "An extra's amount cannot be negative.");
        if (to is { } end && end < from)
            throw new DomainRuleException("ExtraMustEndOnOrAfterItsStart", "An extra cannot end before it starts.");
        (Kind, Description, AnnualAmount, From, To) = (kind, description.Trim(), annualAmount, from, to);
    }

    public int Id { get; private set; }
    public int AgreementId { get; private set; }
    public ExtraKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public Money AnnualAmount { get; private set; }
    public LocalDate From { get; private set; }
    /// <summary>The last day the extra is bought (inclusive); null while it continues.</summary>
    public LocalDate? To { get; private set; }

    /// <summary>An extra is money: its creation is audited under the agreement's key.</summary>
    public string AuditKey => $"{_agreement} extra {Description} from {From:yyyy-MM-dd}".TrimStart();

    internal void Of(string agreementKey) => _agreement = agreementKey;
}
