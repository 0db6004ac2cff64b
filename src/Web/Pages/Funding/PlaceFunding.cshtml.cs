using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Reports;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Funding;

/// <summary>
/// Place funding (Elements 1 and 2, s251 line 1.0.2) per provider for a financial year: the 5/12 and 7/12 parts from the
/// two academic years' commissioned places, the total and who pays it, with totals by payer.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class PlaceFundingModel(CommissioningDb commissioning, FinanceDb finance, IClock clock, CouncilSettings council) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }
    /// <summary>A placement reference to open: how a finance officer finds a placement's funding, elements and schedule.</summary>
    [BindProperty(SupportsGet = true, Name = "placement")] public string? Placement { get; set; }
    public string? PlacementError { get; private set; }

    public string? Error { get; private set; }
    public LocalDate Today { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    public IReadOnlyList<FinancialYear> YearChoices { get; private set; } = [];
    public PlaceFundingReportResult Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Placement))
        {
            var reference = Placement.Trim();
            if (await commissioning.Placements.AnyAsync(p => p.Reference == reference, cancellationToken))
                return Redirect($"/Placements/{Uri.EscapeDataString(reference)}/Funding");
            PlacementError = $"There is no placement {reference}";
        }
        Today = clock.TodayInLondon();
        var current = FinancialYear.For(Today);
        YearChoices = Enumerable.Range(-3, 5).Select(k => new FinancialYear(current.StartYear + k)).ToList();
        FinancialYear = current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year, out var chosen)) FinancialYear = chosen;
            else Error = $"Enter the financial year like {current}";
        }
        Report = await new PlaceFundingReport(commissioning, finance).LoadAsync(FinancialYear, council.LaCode, cancellationToken);
        return Page();
    }

    /// <summary>Who pays, in a finance officer's words.</summary>
    public static string Payer(FundingPayer payer) => payer switch
    {
        FundingPayer.ThisCouncil => "This council",
        FundingPayer.DfE => "DfE (deducted from the grant)",
        FundingPayer.ProviderCouncil => "The provider's council",
        FundingPayer.SchoolFormula => "The school's formula budget",
        _ => "Nobody",
    };
}
