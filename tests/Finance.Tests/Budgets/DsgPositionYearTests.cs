using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Xunit;

namespace Placements.Finance.Tests.Budgets;

/// <summary>The DSG position of a year as DfE's benchmarking shows it: variance, deficit carried forward and spend per plan and per head.</summary>
public class DsgPositionYearTests
{
    private static DsgPositionYear Year(Money? outturn, int plans = 184, int? population = 211_500) =>
        new(new FinancialYear(2026), Money.FromPounds(1_350_000m), Money.FromPounds(370_000m), outturn, outturn is not null, plans, population);

    [Fact]
    public void Outturn1387500_OnAllocation1350000_AddsAVarianceOf37500_AndCarriesForward407500()
    {
        var year = Year(Money.FromPounds(1_387_500m));
        Assert.Equal(Money.FromPounds(37_500m), year.InYearVariance);
        Assert.Equal(Money.FromPounds(407_500m), year.DeficitCarriedForward);
        Assert.Equal(102.8m, year.PercentOfAllocation); // 102.777…%
        Assert.Equal(Money.FromPounds(7_540.76m), year.PerEhcPlan); // £1,387,500 / 184 = £7,540.7608…
        Assert.Equal(Money.FromPounds(6.56m), year.PerHeadAged2To18); // £1,387,500 / 211,500 = £6.5602…
    }

    [Fact]
    public void PerEhcPlan_AHalfPennyRoundsAwayFromZero_100000_02Over12Is8333_34()
    {
        // £100,000.02 / 12 = £8,333.335 exactly: ROUND(…, 2) = £8,333.34. Multiplying by 1/12 as a 28-digit decimal
        // (0.0833…33) lands just under the half penny and gave £8,333.33.
        var year = Year(Money.FromPounds(100_000.02m), plans: 12, population: 12);
        Assert.Equal(Money.FromPounds(8_333.34m), year.PerEhcPlan);
        Assert.Equal(Money.FromPounds(8_333.34m), year.PerHeadAged2To18);
    }

    [Fact]
    public void WithoutAnOutturnPlansOrPopulation_ThePerFiguresAreBlank()
    {
        Assert.Null(Year(null).PerEhcPlan);
        Assert.Null(Year(null).DeficitCarriedForward);
        Assert.Null(Year(Money.FromPounds(1m), plans: 0).PerEhcPlan);
        Assert.Null(Year(Money.FromPounds(1m), population: null).PerHeadAged2To18);
    }
}
