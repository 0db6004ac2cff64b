using Placements.Commissioning.Auditing;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding;

/// <summary>
/// A local Element 3 top-up band: what the responsible council pays a year for a place
/// of this provision type in this band, in one financial year.
/// </summary>
public sealed class TopUpBand : IAudited
{
    private TopUpBand() { }

    public TopUpBand(ProvisionType provisionType, string band, FinancialYear financialYear, Money annualAmount)
    {
        if (annualAmount.IsNegative)
            throw new Commissioning.DomainRuleException("TopUpMustNotBeNegative", "A top-up band's annual amount cannot be negative.");
        ProvisionType = provisionType;
        Band = band;
        FinancialYear = financialYear;
        AnnualAmount = annualAmount;
    }

    public int Id { get; private set; }
    public ProvisionType ProvisionType { get; private set; }
    public string Band { get; private set; } = "";
    public FinancialYear FinancialYear { get; private set; }
    public Money AnnualAmount { get; private set; }

    /// <summary>Sets the annual amount from a corrected import row.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>TopUpMustNotBeNegative</c>.</exception>
    public void CorrectFromImport(Money annualAmount)
    {
        if (annualAmount.IsNegative)
            throw new Commissioning.DomainRuleException("TopUpMustNotBeNegative", "A top-up band's annual amount cannot be negative.");
        AnnualAmount = annualAmount;
    }

    public string AuditKey => $"{ProvisionType} {Band} {FinancialYear}";
}
