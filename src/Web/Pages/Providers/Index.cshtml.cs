using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Providers;

/// <summary>Every provider with places this academic year, children placed today and vacancies; filtered by query string.</summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class IndexModel(CommissioningDb db, IClock clock, CouncilSettings council) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProvisionType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public Phase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public Need? Need { get; set; }
    /// <summary><c>in</c>: in the council's area; <c>out</c>: elsewhere; empty: both.</summary>
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    public LocalDate Today { get; private set; }
    public AcademicYear Year => AcademicYear.For(Today);
    public string CouncilLaCode => council.LaCode;
    public IReadOnlyList<ProviderOccupancyRow> Providers { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Districts = await db.Providers.Where(p => p.District != null).Select(p => p.District!).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
        var filter = new ProviderFilter(Type, Phase, District, Need, Area switch { "in" => true, "out" => false, _ => null }, Name);
        Providers = await new ProviderOccupancy(db).ListAsync(filter, council.LaCode, Today, cancellationToken);
    }
}
