using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Reports;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Reports;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>
/// A placement's top-up month by month for a financial year: what the engine computes, what has been paid and what
/// is owed. The CLI's <c>funding schedule</c> prints the same rows (<see cref="TopUpScheduleText"/>).
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class ScheduleModel(CommissioningDb commissioning, FinanceDb finance, IClock clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public FinancialYear FinancialYear { get; private set; }
    public IReadOnlyList<FinancialYear> YearChoices { get; private set; } = [];
    public string? YearError { get; private set; }
    public TopUpScheduleView View { get; private set; } = null!;
    public IReadOnlyList<TopUpScheduleText.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var current = FinancialYear.For(clock.TodayInLondon());
        YearChoices = Enumerable.Range(-3, 5).Select(k => new FinancialYear(current.StartYear + k)).ToList();
        FinancialYear = current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year, out var chosen)) FinancialYear = chosen;
            else YearError = $"Enter the financial year like {current}";
        }
        var view = await new TopUpScheduleQuery(commissioning, finance)
            .LoadAsync(Reference, FinancialYear, TopUpScheduleText.GoLiveMonth(configuration), cancellationToken);
        if (view is null) return NotFound();
        View = view;
        Rows = TopUpScheduleText.Rows(view);
        return Page();
    }
}
