namespace Placements.Accounts;

/// <summary>The six roles of the product (architecture.md); each page's policy names the roles it admits.</summary>
public static class Roles
{
    public const string Commissioner = nameof(Commissioner);
    public const string FinanceOfficer = nameof(FinanceOfficer);
    public const string FinanceApprover = nameof(FinanceApprover);
    public const string PanelMember = nameof(PanelMember);
    public const string BudgetHolder = nameof(BudgetHolder);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
        [Commissioner, FinanceOfficer, FinanceApprover, PanelMember, BudgetHolder, Administrator];

    /// <summary>The role's canonical spelling, matched case-insensitively; null when there is no such role.</summary>
    public static string? Find(string name) => All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
