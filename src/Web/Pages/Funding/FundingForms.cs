using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Placements.Accounts;
using Placements.Finance;
using Placements.Finance.Funding;

namespace Placements.Web.Pages.Funding;

/// <summary>What the funding tables' forms share: who may add rows, and reading amounts typed in pounds.</summary>
public static class FundingForms
{
    /// <summary>
    /// Whether <paramref name="user"/> may add rows to the funding tables. Everyone the <c>Finance</c> policy admits may
    /// view them, but a finance approver approves payments made against them, so does not set them.
    /// </summary>
    public static bool CanAddFundingRows(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.Administrator);

    /// <summary>How a pro-rata basis reads on a page.</summary>
    public static string Describe(this ProRataBasis basis) => basis switch
    {
        ProRataBasis.Monthly => "Monthly (a twelfth a month)",
        ProRataBasis.CalendarDays => "Calendar days",
        ProRataBasis.SchoolDays => "School days",
        _ => basis.ToString(),
    };

    /// <summary>
    /// The amount in <paramref name="text"/>, or null with an error on <paramref name="key"/> (GOV.UK wording naming
    /// <paramref name="what"/>). Empty text is an error only when <paramref name="required"/>.
    /// </summary>
    public static Money? ReadAmount(this ModelStateDictionary state, string key, string? text, string what, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) state.AddModelError(key, $"Enter the {what}");
            return null;
        }
        if (!Money.TryParse(text, out var money, out _))
        {
            state.AddModelError(key, $"The {what} must be an amount in pounds with up to 2 decimal places, like 10000 or 10,000.50");
            return null;
        }
        if (money.IsNegative)
        {
            state.AddModelError(key, $"The {what} cannot be negative");
            return null;
        }
        return money;
    }
}

/// <summary>What the pounds input partial draws: the field's name and id, its label, the text typed and a hint.</summary>
public sealed record AmountInputView(string Name, string Label, string? Value, string? Hint = null);
