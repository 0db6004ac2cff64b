using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Children;

/// <summary>A child's record and placement history, with the actions on each placement.</summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class DetailsModel(CommissioningDb db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";

    public LocalDate Today { get; private set; }
    public AcademicYear Year => AcademicYear.For(Today);
    public ChildRecord Record { get; private set; } = null!;

    /// <summary>What the last action did, carried across its redirect.</summary>
    [TempData] public string? Done { get; set; }
    /// <summary>Advice about the placement just proposed, one per line.</summary>
    [TempData] public string? Warnings { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        if (await new ChildPlacementHistory(db).FindAsync(Reference, cancellationToken) is not { } record) return NotFound();
        Record = record;
        return Page();
    }
}
