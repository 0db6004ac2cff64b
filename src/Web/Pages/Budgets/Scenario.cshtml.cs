using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets;

/// <summary>
/// What if new placements grew, or fees rose from 1 April? This year's base forecast and the scenario's side by side by
/// s251 line, worked out over the same data. Nothing is saved.
/// </summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class ScenarioModel(ForecastOutturn outturn, BudgetSettings settings, IClock clock) : PageModel
{
    public const decimal Lowest = -50m, Highest = 100m;

    [BindProperty(SupportsGet = true)] public string? Growth { get; set; }
    [BindProperty(SupportsGet = true)] public string? FeeRise { get; set; }

    public IReadOnlyList<ErrorLink> Errors { get; private set; } = [];
    public HighNeedsForecastResult? Base { get; private set; }
    public HighNeedsForecastResult? Scenario { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    public LocalDate Today { get; private set; }

    public static readonly string[] FieldOrder = [nameof(Growth), nameof(FeeRise)];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        FinancialYear = FinancialYear.For(Today);
        if (Growth is null && FeeRise is null) return; // the form, not yet submitted
        var growth = Percent(nameof(Growth), Growth, "growth in new placements");
        var feeRise = Percent(nameof(FeeRise), FeeRise, "fee rise");
        Errors = ModelState.ErrorLinks(FieldOrder);
        if (Errors.Count > 0) return;
        (Base, Scenario) = await outturn.CompareAsync(FinancialYear, Today, new ForecastOptions(true, growth!.Value, feeRise!.Value), settings, cancellationToken);
    }

    /// <summary>A percentage from −50 to 100 with up to 2 decimal places; blank is 0.</summary>
    private decimal? Percent(string key, string? text, string what)
    {
        ModelState.Remove(key);
        if (string.IsNullOrWhiteSpace(text)) return 0m;
        if (decimal.TryParse(text.Trim().TrimEnd('%').Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && decimal.Round(value, 2) == value && value is >= Lowest and <= Highest)
            return value;
        ModelState.AddModelError(key, $"The {what} must be a percentage from -50 to 100, like 5 or 2.5");
        return null;
    }
}
