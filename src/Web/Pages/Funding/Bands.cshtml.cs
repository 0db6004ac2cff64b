using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Tables;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Funding;

/// <summary>
/// The local top-up (Element 3) band table per provision type for one financial year (the current one unless chosen),
/// and a form to add a band for a year. Bands are never edited here: payments may have been made against them.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class BandsModel(FinanceDb db, IClock clock) : PageModel
{
    /// <summary>The financial year shown (query string <c>Year</c>, written <c>2025/26</c>); the current one when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    [BindProperty] public string? ProvisionType { get; set; }
    [BindProperty] public string? Band { get; set; }
    [BindProperty] public string? BandYear { get; set; }
    [BindProperty] public string? AnnualAmount { get; set; }

    public FinancialYear Shown { get; private set; }
    public FinancialYear Current { get; private set; }
    public string? YearError { get; private set; }
    public IReadOnlyList<IGrouping<ProvisionType, TopUpBand>> BandsByType { get; private set; } = [];
    public IReadOnlyList<FinancialYear> YearsWithBands { get; private set; } = [];
    public bool CanAdd { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(ProvisionType), nameof(Band), nameof(BandYear), nameof(AnnualAmount)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanAddFundingRows()) return Forbid();
        ModelState.Clear();
        Placements.Commissioning.Providers.ProvisionType? type = null;
        if (Enum.TryParse<ProvisionType>(ProvisionType, out var t) && Enum.IsDefined(t)) type = t;
        else ModelState.AddModelError(nameof(ProvisionType), "Choose the provision type");
        if (string.IsNullOrWhiteSpace(Band)) ModelState.AddModelError(nameof(Band), "Enter the band's name");
        else if (Band.Trim().Length > FundingTableRules.BandNameMaxLength)
            ModelState.AddModelError(nameof(Band), $"The band's name must be {FundingTableRules.BandNameMaxLength} characters or fewer");
        FinancialYear? year = null;
        if (string.IsNullOrWhiteSpace(BandYear)) ModelState.AddModelError(nameof(BandYear), "Enter the financial year");
        else if (FinancialYear.TryParse(BandYear.Trim(), out var y)) year = y;
        else ModelState.AddModelError(nameof(BandYear), "The financial year must be written like 2025/26");
        var amount = ModelState.ReadAmount(nameof(AnnualAmount), AnnualAmount, "annual amount", required: true);

        if (ModelState.IsValid)
        {
            try
            {
                var band = await new AddTopUpBand(db).ExecuteAsync(type!.Value, Band!, year!.Value, amount!.Value, cancellationToken);
                Saved = $"{type.Value.Describe()} band {band.Band} for {band.FinancialYear} added.";
                return RedirectToPage(new { Year = band.FinancialYear.ToString() });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule switch
                {
                    FundingTableRules.BandNameRequired => nameof(Band),
                    FundingTableRules.TopUpBandAlreadyExists => nameof(Band),
                    _ => nameof(AnnualAmount),
                }, e.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAdd = User.CanAddFundingRows();
        Current = FinancialYear.For(clock.TodayInLondon());
        Shown = Current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year.Trim(), out var y)) Shown = y;
            else YearError = "The financial year must be written like 2025/26";
        }
        var years = await db.TopUpBands.AsNoTracking().Select(b => b.FinancialYear).Distinct().ToListAsync(cancellationToken);
        YearsWithBands = years.Append(Current).Append(Shown).Distinct().OrderByDescending(y => y).ToList();
        var shown = Shown;
        var bands = await db.TopUpBands.AsNoTracking().Where(b => b.FinancialYear == shown).ToListAsync(cancellationToken);
        BandsByType = bands.OrderBy(b => b.AnnualAmount).ThenBy(b => b.Band, StringComparer.Ordinal)
            .GroupBy(b => b.ProvisionType).OrderBy(g => g.Key).ToList();
    }
}
