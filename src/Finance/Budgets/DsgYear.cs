using Placements.Commissioning;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets;

/// <summary>
/// The Dedicated Schools Grant position of one financial year, as DfE's high needs benchmarking shows councils: the
/// High Needs allocation, the cumulative DSG deficit brought forward, the 2–18 population (for per-head measures) and,
/// once the year is closed, its final outturn.
/// </summary>
public sealed class DsgYear : IAudited
{
    private DsgYear() { }

    /// <exception cref="DomainRuleException"><c>AllocationMustBePositive</c>; <c>PopulationMustBePositive</c>.</exception>
    public DsgYear(FinancialYear financialYear, Money highNeedsAllocation, Money deficitBroughtForward, int? population2To18, Money? outturn)
    {
        FinancialYear = financialYear;
        Set(highNeedsAllocation, deficitBroughtForward, population2To18, outturn);
    }

    public int Id { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    /// <summary>The High Needs Block allocation for the year (after academy and NMSS place deductions).</summary>
    public Money HighNeedsAllocation { get; private set; }
    /// <summary>The cumulative DSG deficit at 1 April (a surplus is negative).</summary>
    public Money DeficitBroughtForward { get; private set; }
    /// <summary>The council's population aged 2–18 (ONS mid-year estimate), for spend per head.</summary>
    public int? Population2To18 { get; private set; }
    /// <summary>The year's final High Needs outturn, once closed; until then the forecast stands in.</summary>
    public Money? Outturn { get; private set; }

    /// <exception cref="DomainRuleException"><c>AllocationMustBePositive</c>; <c>PopulationMustBePositive</c>.</exception>
    public void Set(Money highNeedsAllocation, Money deficitBroughtForward, int? population2To18, Money? outturn)
    {
        if (highNeedsAllocation.Pence <= 0)
            throw new DomainRuleException("AllocationMustBePositive", "The High Needs allocation must be more than £0.00.");
        if (population2To18 is <= 0)
            throw new DomainRuleException("PopulationMustBePositive", "The 2–18 population must be a positive whole number.");
        (HighNeedsAllocation, DeficitBroughtForward, Population2To18, Outturn) = (highNeedsAllocation, deficitBroughtForward, population2To18, outturn);
    }

    public string AuditKey => $"DSG {FinancialYear}";
}
