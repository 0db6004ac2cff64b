using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>End an agreed placement: the last day on roll and the SEN2 reason it ended.</summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class EndModel(CommissioningDb db) : PageModel
{
    /// <summary>The reasons a commissioner may choose: "not recorded" is only for imported history.</summary>
    public static readonly IReadOnlyList<CeaseReason> Reasons = Enum.GetValues<CeaseReason>().Where(r => r != CeaseReason.NotRecorded).ToList();

    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty] public DateInput LastDay { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public PlacementHeading Placement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var lastDay = LastDay.Parse("last day on roll", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(LastDay), dateError);
        var reason = Enum.TryParse<CeaseReason>(Reason, out var r) && Reasons.Contains(r) ? r : (CeaseReason?)null;
        if (reason is null) ModelState.AddModelError(nameof(Reason), "Choose why the placement ended");

        if (ModelState.IsValid)
        {
            try
            {
                await new EndPlacement(db).ExecuteAsync(Reference, lastDay!.Value, reason!.Value, cancellationToken);
                var heading = await PlacementHeading.FindAsync(db, Reference, cancellationToken);
                TempData["Done"] = $"Placement {Reference} ended on {Display.Date(lastDay.Value)}: {reason.Value.Describe().ToLowerInvariant()}.";
                return RedirectToPage("/Children/Details", new { Reference = heading!.ChildReference });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule == PlacementRules.PlacementMustNotEndBeforeItStarts ? nameof(LastDay) : "placement-details", e.Message);
            }
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await PlacementHeading.FindAsync(db, Reference, cancellationToken) is not { } heading) return false;
        Placement = heading;
        return true;
    }
}
