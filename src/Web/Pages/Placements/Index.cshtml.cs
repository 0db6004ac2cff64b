using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>The placement register: filters in the query string, so a filtered view can be shared as a link.</summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class IndexModel(CommissioningDb db, IClock clock) : PageModel
{
    public const int PageSize = 50;
    /// <summary>The status filter value for placements running today.</summary>
    public const string ActiveToday = "active";
    /// <summary>The out-of-area filter value for any out-of-area reason.</summary>
    public const string AnyOutOfArea = "any";

    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public Need? Need { get; set; }
    [BindProperty(SupportsGet = true)] public Phase? Phase { get; set; }
    /// <summary>Proposed, Agreed, Ended, or <see cref="ActiveToday"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>An out-of-area reason, or <see cref="AnyOutOfArea"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? OutOfArea { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public LocalDate Today { get; private set; }
    public AcademicYear Year => AcademicYear.For(Today);
    public PlacementRegisterPage Register { get; private set; } = null!;
    public IReadOnlyList<(string Reference, string Name)> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Providers = (await db.Providers.OrderBy(p => p.Name).Select(p => new { p.Reference, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Reference, p.Name)).ToList();
        var filter = new PlacementFilter(
            ProviderReference: string.IsNullOrWhiteSpace(Provider) ? null : Provider,
            Need: Need,
            Phase: Phase,
            Status: Enum.TryParse<PlacementStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null,
            ActiveOn: Status == ActiveToday ? Today : null,
            OutOfAreaReason: Enum.TryParse<OutOfAreaReason>(OutOfArea, out var reason) && Enum.IsDefined(reason) ? reason : null,
            OutOfAreaOnly: OutOfArea == AnyOutOfArea);
        Register = await new PlacementRegister(db).FindAsync(filter, Year, PageNumber, PageSize, cancellationToken);
    }

    /// <summary>The link to another page of the same filtered register.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["Provider"] = Provider, ["Need"] = Need?.ToString(), ["Phase"] = Phase?.ToString(), ["Status"] = Status, ["OutOfArea"] = OutOfArea,
            ["p"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Placements",
            query.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(kv.Key, kv.Value)));
    }
}
