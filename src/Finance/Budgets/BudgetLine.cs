using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Budgets;

/// <summary>
/// The High Needs budget set for one s251 line in one financial year. A budget revised mid-year keeps every version
/// (<see cref="Revisions"/>): the snapshots taken before a revision were measured against the budget then in force.
/// </summary>
public sealed class BudgetLine : IAudited
{
    private readonly List<BudgetRevision> _revisions = [];

    private BudgetLine() { }

    /// <exception cref="DomainRuleException"><c>BudgetMustUseAnS251Line</c>.</exception>
    public BudgetLine(FinancialYear financialYear, string s251Line, Money amount)
    {
        if (!S251Line.IsKnown(s251Line))
            throw new DomainRuleException("BudgetMustUseAnS251Line", $"'{s251Line}' is not a High Needs s251 line.");
        FinancialYear = financialYear;
        S251LineCode = s251Line;
        Amount = amount;
        Version = 1;
    }

    public int Id { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    public string S251LineCode { get; private set; } = "";
    /// <summary>The budget in force: the latest version.</summary>
    public Money Amount { get; private set; }
    /// <summary>1 as first set; each revision adds one.</summary>
    public int Version { get; private set; } = 1;
    /// <summary>The revisions after the first version, earliest first.</summary>
    public IReadOnlyList<BudgetRevision> Revisions => _revisions;

    /// <summary>Sets the budget from a corrected import row.</summary>
    public void CorrectFromImport(Money amount) => Amount = amount;

    /// <summary>Revises the budget mid-year: a new version with its reason; the earlier amount is kept in the revision.</summary>
    /// <exception cref="DomainRuleException"><c>BudgetRevisionNeedsAReason</c>; <c>BudgetMustNotBeNegative</c>; <c>BudgetRevisionMustChangeTheAmount</c>.</exception>
    public BudgetRevision Revise(Money amount, string reason, string by, Instant at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("BudgetRevisionNeedsAReason", "Say why the budget is revised (e.g. the DSG management plan agreed in September).");
        if (amount.IsNegative)
            throw new DomainRuleException("BudgetMustNotBeNegative", "A budget cannot be negative.");
        if (amount == Amount)
            throw new DomainRuleException("BudgetRevisionMustChangeTheAmount", $"The {S251LineCode} budget for {FinancialYear} is already {Amount}.");
        Version++;
        var revision = new BudgetRevision(Version, Amount, amount, reason.Trim(), by, at);
        _revisions.Add(revision);
        Amount = amount;
        return revision;
    }

    public string AuditKey => $"{FinancialYear} {S251LineCode}";
}

/// <summary>One mid-year revision of a line's budget: from what, to what, why, who and when. Never changed.</summary>
public sealed class BudgetRevision
{
    private BudgetRevision() { }

    internal BudgetRevision(int version, Money previous, Money amount, string reason, string by, Instant at)
    {
        (Version, Previous, Amount, Reason, RevisedBy, RevisedAt) = (version, previous, amount, reason, by, at);
    }

    public int Id { get; private set; }
    public int BudgetLineId { get; private set; }
    public int Version { get; private set; }
    public Money Previous { get; private set; }
    public Money Amount { get; private set; }
    public string Reason { get; private set; } = "";
    public string RevisedBy { get; private set; } = "";
    public Instant RevisedAt { get; private set; }
}
