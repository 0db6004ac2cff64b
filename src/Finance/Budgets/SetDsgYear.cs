using Microsoft.EntityFrameworkCore;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets;

/// <summary>Records a year's DSG position inputs: the High Needs allocation, the deficit brought forward, the 2–18 population and the final outturn. Audited.</summary>
public sealed class SetDsgYear(FinanceDb finance)
{
    /// <exception cref="DomainRuleException"><c>AllocationMustBePositive</c>, <c>PopulationMustBePositive</c>.</exception>
    public async Task<DsgYear> RunAsync(FinancialYear year, Money allocation, Money deficitBroughtForward, int? population2To18, Money? outturn,
        CancellationToken cancellationToken = default)
    {
        var row = await finance.DsgYears.SingleOrDefaultAsync(d => d.FinancialYear == year, cancellationToken);
        if (row is null) finance.DsgYears.Add(row = new DsgYear(year, allocation, deficitBroughtForward, population2To18, outturn));
        else row.Set(allocation, deficitBroughtForward, population2To18, outturn);
        await finance.SaveChangesAsync(cancellationToken);
        return row;
    }
}
