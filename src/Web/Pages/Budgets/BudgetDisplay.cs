using System.Globalization;
using System.Security.Claims;
using Placements.Accounts;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;

namespace Placements.Web.Pages.Budgets;

/// <summary>How budget-monitoring figures read on a page: RAG as a tagged word, bases and causes in words.</summary>
public static class BudgetDisplay
{
    /// <summary>
    /// Whether <paramref name="user"/> may set or revise budgets and DSG years. Budget holders monitor against the budget
    /// the council set; setting it is for the head of finance (a finance approver) or an administrator.
    /// </summary>
    public static bool CanSetBudgets(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.FinanceApprover) || user.IsInRole(Roles.Administrator);

    /// <summary>The line's name, e.g. "Top-up funding – maintained schools".</summary>
    public static string LineName(string code) => S251Line.HighNeeds.FirstOrDefault(l => l.Code == code)?.Name ?? code;

    public static string Word(this RagStatus rag) => rag switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        _ => "Green",
    };

    public static string TagClass(this RagStatus rag) => rag switch
    {
        RagStatus.Red => "govuk-tag govuk-tag--red",
        RagStatus.Amber => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--green",
    };

    /// <summary>A note for a line not forecast from its placements (<see cref="BasisKey"/> explains it); empty for those that are.</summary>
    public static string Note(this LineBasis basis) => basis switch
    {
        LineBasis.PlaceFunding => "Place funding",
        LineBasis.HeldAtBudget => "Held at budget",
        _ => "",
    };

    /// <summary>What the notes mean, said once under a table of lines.</summary>
    public const string BasisKey =
        "Top-up lines are forecast from their placements. Place funding is worked out from the places commissioned. " +
        "Lines marked held at budget are not paid through Placements, so their forecast is their budget.";

    public static string Describe(this MovementCause cause) => cause switch
    {
        MovementCause.NewPlacements => "New placements",
        MovementCause.EndedPlacements => "Ended placements",
        MovementCause.RateChanges => "Rate changes",
        MovementCause.InvoicesAboveExpected => "Invoices above expected",
        MovementCause.NewPlacementTrend => "Trend of new placements",
        MovementCause.PlaceFundingAndOtherLines => "Place funding and other lines",
        _ => "Other changes",
    };

    /// <summary>The forecast as a percentage of the budget, to one decimal place; null with no budget.</summary>
    public static decimal? PercentOf(Money forecast, Money budget) =>
        budget.Pence == 0 ? null : decimal.Round(forecast.Pence * 100m / budget.Pence, 1, MidpointRounding.AwayFromZero);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>"+£1,200.00" for an increase, "-£300.00" for a fall: a movement or a difference reads with its sign.</summary>
    public static string Signed(Money amount) => amount.Pence > 0 ? "+" + amount : amount.ToString();

    /// <summary>Pounds as a number for the chart (never for display).</summary>
    public static decimal Pounds(Money amount) => amount.Pence / 100m;

    public static string Month(NodaTime.YearMonth month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
