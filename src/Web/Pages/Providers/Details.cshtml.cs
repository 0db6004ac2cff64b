using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Providers;

/// <summary>
/// One provider: its details, places, occupancy and vacancies by need on any date, the places commissioned
/// each academic year (and a form to set them), and the children placed there.
/// </summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class DetailsModel(CommissioningDb db, IClock clock) : PageModel
{
    private const int MostPlacementsShown = 1_000;

    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    /// <summary>The date occupancy is shown for (query string <c>On.Day</c>, <c>On.Month</c>, <c>On.Year</c>); today when empty.</summary>
    [BindProperty(SupportsGet = true)] public DateInput On { get; set; } = new();

    [BindProperty] public int? SetYear { get; set; }
    /// <summary>A need code, or <c>any</c> for places open to any need.</summary>
    [BindProperty] public string? SetNeed { get; set; }
    [BindProperty] public string? SetPlaces { get; set; }

    public Provider Provider { get; private set; } = null!;
    public LocalDate Today { get; private set; }
    public LocalDate Date { get; private set; }
    public string? DateError { get; private set; }
    public ProviderCapacity Capacity { get; private set; } = null!;
    public IReadOnlyList<CommissionedPlaces> PlacesByYear { get; private set; } = [];
    public PlacementRegisterPage Placed { get; private set; } = null!;
    public IReadOnlyList<AcademicYear> YearsToSet => Enumerable.Range(-1, 5).Select(k => new AcademicYear(AcademicYear.For(Today).StartYear + k)).ToList();
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Date = Today;
        if (!On.IsEmpty)
        {
            if (On.Parse("date", out var error) is { } date) Date = date;
            else DateError = error;
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPlacesAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Date = Today;
        Need? need = null;
        if (SetYear is not { } startYear || startYear < 1900 || startYear > 2200)
            ModelState.AddModelError(nameof(SetYear), "Choose the academic year");
        if (SetNeed != "any")
        {
            if (Enum.TryParse<Need>(SetNeed, out var n) && Enum.IsDefined(n)) need = n;
            else ModelState.AddModelError(nameof(SetNeed), "Choose the need the places are for, or any need");
        }
        if (!int.TryParse(SetPlaces?.Trim(), out var places))
            ModelState.AddModelError(nameof(SetPlaces), string.IsNullOrWhiteSpace(SetPlaces) ? "Enter the number of places" : "The number of places must be a whole number, like 40");

        if (ModelState.IsValid)
        {
            try
            {
                await new SetCommissionedPlaces(db).ExecuteAsync(Reference, new AcademicYear(SetYear!.Value), need, places, cancellationToken);
                Saved = $"{places} {(places == 1 ? "place" : "places")} set for {new AcademicYear(SetYear!.Value)}, {(need is { } x ? x.ToString() : "any need")}.";
                return RedirectToPage(new { Reference });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(nameof(SetPlaces), e.Message);
            }
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == Reference, cancellationToken);
        if (provider is null) return false;
        Provider = provider;
        Capacity = await new ProviderOccupancy(db).OnAsync(provider.Id, Date, cancellationToken);
        PlacesByYear = (await db.CommissionedPlaces.AsNoTracking().Where(c => c.ProviderId == provider.Id).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.AcademicYear).ThenBy(c => c.Need is null).ThenBy(c => c.Need).ToList();
        Placed = await new PlacementRegister(db).FindAsync(
            new PlacementFilter(ProviderReference: Reference, ActiveOn: Date), AcademicYear.For(Date), 1, MostPlacementsShown, cancellationToken);
        return true;
    }
}
