using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance.Funding;
using Placements.Finance.Tables;
using Placements.Finance.Persistence;
using Placements.Web.Pages.Funding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>
/// A placement's top-up funding history (each row a band or an agreed annual amount, from its effective-from date), the
/// provider's pro-rata basis, and a form to add a dated row. The placement is read from Commissioning; the funding from Finance.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class FundingModel(CommissioningDb commissioning, FinanceDb finance) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";

    [BindProperty] public DateInput EffectiveFrom { get; set; } = new();
    [BindProperty] public string? Band { get; set; }
    [BindProperty] public string? AgreedAmount { get; set; }

    public FundedPlacementView Placement { get; private set; } = null!;
    public ProRataBasis ProRataBasis { get; private set; }
    public bool ProRataBasisAgreed { get; private set; }
    public IReadOnlyList<PlacementFunding> History { get; private set; } = [];
    /// <summary>The bands of the provider's provision type, each with its latest year's amount.</summary>
    public IReadOnlyList<TopUpBand> Bands { get; private set; } = [];
    public bool CanAdd { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(EffectiveFrom), nameof(Band), nameof(AgreedAmount)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.CanAddFundingRows()) return Forbid();
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var from = EffectiveFrom.Parse("effective-from date", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(EffectiveFrom), dateError);
        var band = string.IsNullOrWhiteSpace(Band) ? null : Band.Trim();
        var amount = ModelState.ReadAmount(nameof(AgreedAmount), AgreedAmount, "agreed annual amount", required: false);
        var amountTyped = !string.IsNullOrWhiteSpace(AgreedAmount);
        if (band is null && !amountTyped)
            ModelState.AddModelError(nameof(Band), "Choose a band or enter an agreed annual amount");
        else if (band is not null && amountTyped)
            ModelState.AddModelError(nameof(Band), "Choose a band or enter an agreed annual amount, not both");

        if (ModelState.IsValid)
        {
            try
            {
                await new AddPlacementFunding(finance).ExecuteAsync(
                    new FundedPlacement(Placement.Id, Placement.Reference, Placement.ProvisionType), from!.Value, band, amount, cancellationToken);
                Saved = $"Funding for placement {Reference} from {Display.Date(from.Value)} added.";
                return RedirectToPage(new { Reference });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule switch
                {
                    FundingTableRules.PlacementFundingAlreadyExists => nameof(EffectiveFrom),
                    "TopUpMustNotBeNegative" => nameof(AgreedAmount),
                    _ => nameof(Band),
                }, e.Message);
            }
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        CanAdd = User.CanAddFundingRows();
        var placement = await (
            from p in commissioning.Placements.AsNoTracking()
            where p.Reference == Reference
            join c in commissioning.Children on p.ChildId equals c.Id
            join v in commissioning.Providers on p.ProviderId equals v.Id
            select new FundedPlacementView(p.Id, p.Reference, c.Reference, c.GivenName + " " + c.FamilyName, v.Id, v.Reference, v.Name, v.ProvisionType, p.Start, p.End, p.Status))
            .SingleOrDefaultAsync(cancellationToken);
        if (placement is null) return false;
        Placement = placement;
        var terms = await finance.ProviderFundingTerms.AsNoTracking().SingleOrDefaultAsync(t => t.ProviderId == placement.ProviderId, cancellationToken);
        ProRataBasis = terms?.ProRataBasis ?? ProRataBasis.Monthly;
        ProRataBasisAgreed = terms is not null;
        History = (await finance.PlacementFunding.AsNoTracking().Where(f => f.PlacementId == placement.Id).ToListAsync(cancellationToken))
            .OrderByDescending(f => f.EffectiveFrom).ToList();
        var type = placement.ProvisionType;
        Bands = (await finance.TopUpBands.AsNoTracking().Where(b => b.ProvisionType == type).ToListAsync(cancellationToken))
            .GroupBy(b => b.Band).Select(g => g.MaxBy(b => b.FinancialYear)!)
            .OrderBy(b => b.Band, StringComparer.Ordinal).ToList();
        return true;
    }
}

/// <summary>What the funding page shows about the placement, read from Commissioning.</summary>
public sealed record FundedPlacementView(
    int Id, string Reference, string ChildReference, string ChildName, int ProviderId, string ProviderReference, string ProviderName,
    ProvisionType ProvisionType, LocalDate Start, LocalDate? End, PlacementStatus Status);
