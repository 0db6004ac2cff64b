using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Web.Hosting;
using Placements.Web.Pages.Funding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets;

/// <summary>
/// A financial year's budget by s251 line, every version kept: budget holders see what they are measured against and
/// how it was revised; a finance approver or an administrator sets a line or revises it with a reason.
/// </summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class SetupModel(BudgetMonitoringQueries queries, ReviseBudget revise, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public string? Year { get; set; }
    [BindProperty] public string? S251Line { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Saved { get; set; }

    public FinancialYear FinancialYear { get; private set; }
    public IReadOnlyList<FinancialYear> YearChoices { get; private set; } = [];
    public IReadOnlyDictionary<string, BudgetLine> Lines { get; private set; } = new Dictionary<string, BudgetLine>();
    public bool CanSet { get; private set; }

    public static readonly string[] FieldOrder = [nameof(S251Line), nameof(Amount), nameof(Reason)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanSetBudgets()) return Forbid();
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(S251Line) || !Placements.Finance.Budgets.S251Line.IsKnown(S251Line))
            ModelState.AddModelError(nameof(S251Line), "Select the s251 line");
        var amount = ModelState.ReadAmount(nameof(Amount), Amount, "budget", required: true);
        if (!ModelState.IsValid) return Page();
        try
        {
            var line = await revise.RunAsync(FinancialYear, S251Line!, amount!.Value, Reason, User.Identity?.Name ?? "unknown", cancellationToken);
            Saved = $"The {FinancialYear} budget for {S251Line} is {line.Amount} (version {line.Version}).";
            return RedirectToPage(new { fy = FinancialYear.ToString() });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Rule switch
            {
                "BudgetRevisionNeedsAReason" => nameof(Reason),
                "BudgetMustUseAnS251Line" => nameof(S251Line),
                _ => nameof(Amount),
            }, e.Message);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = FinancialYear.For(clock.TodayInLondon());
        YearChoices = [current.Previous(), current, current.Next()];
        FinancialYear = FinancialYear.TryParse(Year?.Trim(), out var chosen) && YearChoices.Contains(chosen) ? chosen : current;
        Lines = (await queries.BudgetsAsync(FinancialYear, cancellationToken)).ToDictionary(l => l.S251LineCode);
        CanSet = User.CanSetBudgets();
    }
}
