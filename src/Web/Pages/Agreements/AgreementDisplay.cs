using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Agreements;

namespace Placements.Web.Pages.Agreements;

/// <summary>How the agreement pages name the contract settings, and which providers are paid against invoices.</summary>
public static class AgreementDisplay
{
    /// <summary>
    /// Providers whose fees are paid against invoices under an individual placement agreement (domain.md §5): independent
    /// and non-maintained special schools and special post-16 institutions. Others are paid top-up by the payment run.
    /// </summary>
    public static readonly IReadOnlyList<ProvisionType> FeePaid =
        [ProvisionType.IndependentSpecial, ProvisionType.NonMaintainedSpecial, ProvisionType.SpecialPost16];

    public static bool IsFeePaid(this ProvisionType type) => FeePaid.Contains(type);

    public static string Describe(this InvoicingPattern pattern) => pattern switch
    {
        InvoicingPattern.MonthlyInArrears => "Monthly in arrears",
        _ => "Termly in advance",
    };

    public static string Describe(this TermSplit split) => split switch
    {
        TermSplit.EqualThirds => "Equal thirds",
        _ => "By school days",
    };

    public static string Describe(this ExtraKind kind) => kind switch
    {
        ExtraKind.OneToOneSupport => "1:1 support",
        ExtraKind.Therapy => "Therapy",
        ExtraKind.Transport => "Transport",
        _ => "Other",
    };

    /// <summary>The fee row in force on <paramref name="day"/> (the latest starting on or before it), or null.</summary>
    public static AgreementFee? FeeOn(this PlacementAgreement agreement, LocalDate day) =>
        agreement.Fees.Where(f => f.EffectiveFrom <= day).MaxBy(f => f.EffectiveFrom);

    /// <summary>The annual amount of the extras in force on <paramref name="day"/>.</summary>
    public static Money ExtrasOn(this PlacementAgreement agreement, LocalDate day) =>
        Money.Sum(agreement.Extras.Where(e => e.From <= day && (e.To is null || e.To >= day)).Select(e => e.AnnualAmount));
}
