using Placements.Commissioning.Auditing;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets;

/// <summary>The High Needs budget set for one s251 line in one financial year.</summary>
public sealed class BudgetLine : IAudited
{
    private BudgetLine() { }

    public BudgetLine(FinancialYear financialYear, string s251Line, Money amount)
    {
        if (!S251Line.IsKnown(s251Line))
            throw new Commissioning.DomainRuleException("BudgetMustUseAnS251Line", $"'{s251Line}' is not a High Needs s251 line.");
        FinancialYear = financialYear;
        S251LineCode = s251Line;
        Amount = amount;
    }

    public int Id { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    public string S251LineCode { get; private set; } = "";
    public Money Amount { get; private set; }

    /// <summary>Sets the budget from a corrected import row.</summary>
    public void CorrectFromImport(Money amount) => Amount = amount;

    public string AuditKey => $"{FinancialYear} {S251LineCode}";
}
