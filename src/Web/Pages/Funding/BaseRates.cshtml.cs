using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placements.Commissioning;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Funding;

/// <summary>
/// The Bank of England base rates statutory late-payment interest is worked from (base rate + 8%), newest first; and a
/// form to add the rate an MPC decision sets. Rates are never edited.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class BaseRatesModel(FinanceDb db) : PageModel
{
    [BindProperty] public DateInput EffectiveFrom { get; set; } = new();
    [BindProperty] public string? Rate { get; set; }

    public IReadOnlyList<BaseRate> Rates { get; private set; } = [];
    public bool CanAdd { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(EffectiveFrom), nameof(Rate)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanAddFundingRows()) return Forbid();
        ModelState.Clear();
        var from = EffectiveFrom.Parse("effective-from date", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(EffectiveFrom), dateError);
        int? basisPoints = null;
        if (decimal.TryParse((Rate ?? "").Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && decimal.Round(percent, 2) == percent)
            basisPoints = (int)(percent * 100);
        else ModelState.AddModelError(nameof(Rate), "Enter the base rate as a percentage with at most 2 decimal places, like 4.25");

        if (ModelState.IsValid)
        {
            try
            {
                await new AddBaseRate(db).AddAsync(from!.Value, basisPoints!.Value, cancellationToken);
                Saved = $"Base rate of {Percent(basisPoints.Value)} from {Display.Date(from.Value)} added.";
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule == "BaseRateOutOfRange" ? nameof(Rate) : nameof(EffectiveFrom), e.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAdd = User.CanAddFundingRows();
        Rates = (await db.BaseRates.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(r => r.EffectiveFrom).ToList();
    }
}
