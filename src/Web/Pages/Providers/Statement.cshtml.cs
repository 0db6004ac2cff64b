using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Providers;

/// <summary>
/// A provider's statement for a financial year: per placement what the agreement says (agreed), what the provider has
/// invoiced, what the council has approved and paid, and what is outstanding, with totals and the year's invoices.
/// Children by initials and reference only, so the page can be read out to the provider.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class StatementModel(InvoiceQueries queries, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    /// <summary>The financial year, like 2026/27; this one when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public FinancialYear FinancialYear { get; private set; }
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];
    public string? YearError { get; private set; }
    public ProviderStatement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        FinancialYear = FinancialYear.For(today);
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year.Trim(), out var chosen)) FinancialYear = chosen;
            else YearError = $"'{Year}' is not a financial year: choose one like {FinancialYear}";
        }
        Years = Enumerable.Range(-4, 6).Select(k => new FinancialYear(FinancialYear.For(today).StartYear + k)).ToList();
        if (!Years.Contains(FinancialYear)) Years = [.. Years, FinancialYear];
        var statement = await queries.StatementAsync(Reference, FinancialYear, cancellationToken);
        if (statement is null) return NotFound();
        Statement = statement;
        return Page();
    }
}
