using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Finance.Funding;
using Placements.Finance.Tables;
using Placements.Finance.Persistence;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Funding;

/// <summary>
/// The place funding rates (Elements 1 and 2) by provision type, each in force from its effective-from date, newest first;
/// and a form to add a dated rate. Rates are never edited or deleted.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class RatesModel(FinanceDb db) : PageModel
{
    [BindProperty] public string? ProvisionType { get; set; }
    [BindProperty] public DateInput EffectiveFrom { get; set; } = new();
    [BindProperty] public string? OccupiedRate { get; set; }
    [BindProperty] public string? UnoccupiedRate { get; set; }

    public IReadOnlyList<IGrouping<ProvisionType, PlaceRate>> RatesByType { get; private set; } = [];
    public bool CanAdd { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(ProvisionType), nameof(EffectiveFrom), nameof(OccupiedRate), nameof(UnoccupiedRate)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanAddFundingRows()) return Forbid();
        ModelState.Clear(); // every field is read and checked here, with GOV.UK wording
        Placements.Commissioning.Providers.ProvisionType? type = null;
        if (Enum.TryParse<ProvisionType>(ProvisionType, out var t) && Enum.IsDefined(t)) type = t;
        else ModelState.AddModelError(nameof(ProvisionType), "Choose the provision type");
        var from = EffectiveFrom.Parse("effective-from date", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(EffectiveFrom), dateError);
        var occupied = ModelState.ReadAmount(nameof(OccupiedRate), OccupiedRate, "rate per occupied place", required: true);
        var unoccupied = ModelState.ReadAmount(nameof(UnoccupiedRate), UnoccupiedRate, "rate per unoccupied place", required: false);

        if (ModelState.IsValid)
        {
            try
            {
                await new AddPlaceRate(db).ExecuteAsync(type!.Value, from!.Value, occupied!.Value, unoccupied, cancellationToken);
                Saved = $"Place rate for {type.Value.Describe()} from {Display.Date(from.Value)} added.";
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule == FundingTableRules.RateMustNotBeNegative ? nameof(OccupiedRate) : nameof(EffectiveFrom), e.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAdd = User.CanAddFundingRows();
        var rates = await db.PlaceRates.AsNoTracking().ToListAsync(cancellationToken);
        RatesByType = rates.OrderByDescending(r => r.EffectiveFrom)
            .GroupBy(r => r.ProvisionType)
            .OrderBy(g => g.Key)
            .ToList();
    }
}
