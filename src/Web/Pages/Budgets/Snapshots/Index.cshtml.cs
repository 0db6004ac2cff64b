using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets.Snapshots;

/// <summary>Every month's budget-monitoring snapshot, latest first: what the council was told each month.</summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class IndexModel(BudgetMonitoringQueries queries) : PageModel
{
    public IReadOnlyList<BudgetSnapshot> Snapshots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Snapshots = await queries.SnapshotsAsync(cancellationToken);
}
