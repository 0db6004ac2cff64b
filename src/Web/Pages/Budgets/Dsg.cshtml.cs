using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Hosting;
using Placements.Web.Pages.Funding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets;

/// <summary>
/// The Dedicated Schools Grant position year on year, as DfE's high needs benchmarking shows it: outturn (this year's
/// forecast while it is open) against the High Needs allocation, the deficit carried forward, spend per EHC plan and per
/// head aged 2–18; and a form to record a year's allocation, deficit brought forward, population and outturn.
/// </summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class DsgModel(DsgPosition position, SetDsgYear setYear, ForecastOutturn outturn, BudgetSettings settings, IClock clock) : PageModel
{
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Allocation { get; set; }
    [BindProperty] public string? DeficitBroughtForward { get; set; }
    [BindProperty] public string? Population { get; set; }
    [BindProperty] public string? Outturn { get; set; }
    [TempData] public string? Saved { get; set; }

    public IReadOnlyList<DsgPositionYear> Years { get; private set; } = [];
    public FinancialYear CurrentYear { get; private set; }
    public bool CanSet { get; private set; }

    public static readonly string[] FieldOrder = [nameof(Year), nameof(Allocation), nameof(DeficitBroughtForward), nameof(Population), nameof(Outturn)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanSetBudgets()) return Forbid();
        ModelState.Clear();
        FinancialYear? year = FinancialYear.TryParse(Year?.Trim(), out var y) ? y : null;
        if (year is null) ModelState.AddModelError(nameof(Year), "Enter the financial year like 2026/27");
        var allocation = ModelState.ReadAmount(nameof(Allocation), Allocation, "High Needs allocation", required: true);
        var deficit = SignedAmount(nameof(DeficitBroughtForward), DeficitBroughtForward, "deficit brought forward");
        int? population = null;
        if (!string.IsNullOrWhiteSpace(Population))
        {
            if (int.TryParse(Population.Trim().Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) population = n;
            else ModelState.AddModelError(nameof(Population), "The population aged 2 to 18 must be a whole number, like 112000");
        }
        var final = ModelState.ReadAmount(nameof(Outturn), Outturn, "outturn", required: false);
        if (ModelState.IsValid)
        {
            try
            {
                await setYear.RunAsync(year!.Value, allocation!.Value, deficit ?? Money.Zero, population, final, cancellationToken);
                Saved = $"The DSG position for {year} is saved.";
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule == "PopulationMustBePositive" ? nameof(Population) : nameof(Allocation), e.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>An amount that may be negative (a surplus brought forward); blank is £0.00.</summary>
    private Money? SignedAmount(string key, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return Money.Zero;
        if (Money.TryParse(text, out var money, out _)) return money;
        ModelState.AddModelError(key, $"The {what} must be an amount in pounds, like 12500000 or -250000 for a surplus");
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        CurrentYear = FinancialYear.For(today);
        var forecast = await outturn.ForecastAsync(CurrentYear, today, ForecastOptions.Base, settings, cancellationToken);
        Years = await position.LoadAsync(today, (CurrentYear, forecast.Forecast), cancellationToken);
        CanSet = User.CanSetBudgets();
        Year ??= CurrentYear.ToString();
    }
}
