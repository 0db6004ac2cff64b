using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Commissioning;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>
/// Agree a proposed placement. Shows the provider's capacity for the child's need on the start date; when it is full
/// the form asks for the reason to place the child anyway, which is recorded.
/// </summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class AgreeModel(CommissioningDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty] public string? OverrideReason { get; set; }

    public PlacementHeading Placement { get; private set; } = null!;
    public AgreementCheck Check { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await UseCase().ExecuteAsync(Reference, OverrideReason, cancellationToken);
            var heading = await PlacementHeading.FindAsync(db, Reference, cancellationToken);
            TempData["Done"] = $"Placement {Reference} agreed.";
            return RedirectToPage("/Children/Details", new { Reference = heading!.ChildReference });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Rule == PlacementRules.FullProviderNeedsOverrideReason ? nameof(OverrideReason) : "placement-details", e.Message);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private AgreePlacement UseCase() => new(db, new ProviderOccupancy(db));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await PlacementHeading.FindAsync(db, Reference, cancellationToken) is not { } heading) return false;
        Placement = heading;
        Check = (await UseCase().CheckAsync(Reference, cancellationToken))!;
        return true;
    }
}
