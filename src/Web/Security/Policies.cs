using Microsoft.AspNetCore.Authorization;
using Placements.Accounts;

namespace Placements.Web.Security;

/// <summary>
/// Authorization policies by job. Every page and endpoint names one (a test enforces it);
/// Administrators are admitted everywhere so a council can always run its own product.
/// </summary>
public static class Policies
{
    public const string AnyStaff = nameof(AnyStaff);
    public const string Commissioning = nameof(Commissioning);
    public const string Finance = nameof(Finance);
    public const string FinanceApproval = nameof(FinanceApproval);
    public const string Panel = nameof(Panel);
    /// <summary>Recharges to health and social care: the panel's, and finance's, who send the statements and bank the receipts.</summary>
    public const string Recharges = nameof(Recharges);
    public const string Budgets = nameof(Budgets);
    public const string Administration = nameof(Administration);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AnyStaff, p => p.RequireRole(Roles.All));
        options.AddPolicy(Commissioning, p => p.RequireRole(Roles.Commissioner, Roles.Administrator));
        options.AddPolicy(Finance, p => p.RequireRole(Roles.FinanceOfficer, Roles.FinanceApprover, Roles.Administrator));
        options.AddPolicy(FinanceApproval, p => p.RequireRole(Roles.FinanceApprover));
        options.AddPolicy(Panel, p => p.RequireRole(Roles.PanelMember, Roles.Administrator));
        options.AddPolicy(Recharges, p => p.RequireRole(Roles.PanelMember, Roles.FinanceOfficer, Roles.FinanceApprover, Roles.Administrator));
        options.AddPolicy(Budgets, p => p.RequireRole(Roles.BudgetHolder, Roles.FinanceApprover, Roles.Administrator));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        // Anything that forgets its policy still needs a signed-in member of staff.
        options.FallbackPolicy = options.GetPolicy(AnyStaff);
    }
}
