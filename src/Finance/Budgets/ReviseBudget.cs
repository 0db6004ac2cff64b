using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets;

/// <summary>
/// Sets a line's budget for a financial year, or revises it mid-year as a new version with its reason (the earlier
/// version is kept, and snapshots taken before keep the budget they were measured against). Audited.
/// </summary>
public sealed class ReviseBudget(FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException">
    /// <c>BudgetMustUseAnS251Line</c>, <c>BudgetMustNotBeNegative</c>, <c>BudgetRevisionNeedsAReason</c>, <c>BudgetRevisionMustChangeTheAmount</c>.
    /// </exception>
    public async Task<BudgetLine> RunAsync(FinancialYear year, string s251Line, Money amount, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (amount.IsNegative) throw new DomainRuleException("BudgetMustNotBeNegative", "A budget cannot be negative.");
        var line = await finance.BudgetLines.Include(l => l.Revisions).SingleOrDefaultAsync(l => l.FinancialYear == year && l.S251LineCode == s251Line, cancellationToken);
        if (line is null)
        {
            line = new BudgetLine(year, s251Line, amount);
            finance.BudgetLines.Add(line);
        }
        else
        {
            line.Revise(amount, reason ?? "", by, clock.GetCurrentInstant());
        }
        await finance.SaveChangesAsync(cancellationToken);
        return line;
    }
}
