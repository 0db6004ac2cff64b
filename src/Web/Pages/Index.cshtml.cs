using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages;

/// <summary>The overview every member of staff lands on: real counts from the database.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public sealed class IndexModel(
    CommissioningDb commissioning, FinanceDb finance, BudgetMonitoringQueries budgets, IAuthorizationService authorization, IClock clock, CouncilSettings council)
    : PageModel
{
    public string Council => council.Name;
    public LocalDate Today { get; private set; }
    public AcademicYear AcademicYear => AcademicYear.For(Today);
    public FinancialYear FinancialYear => FinancialYear.For(Today);
    public OverviewCounts Counts { get; private set; } = null!;
    /// <summary>For those who monitor budgets: the latest snapshot and its lines that crossed a threshold (none for others).</summary>
    public (BudgetSnapshot? Snapshot, IReadOnlyList<BudgetSnapshotLine> Alerts) BudgetAlerts { get; private set; } = (null, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        var today = Today;
        var active = commissioning.Placements.Where(p => p.Status != PlacementStatus.Proposed && p.Start <= today && (p.End == null || p.End >= today));
        var byType = await commissioning.Providers.GroupBy(p => p.ProvisionType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var year = AcademicYear;
        var fy = FinancialYear;
        var budget = await finance.BudgetLines.Where(b => b.FinancialYear == fy).Select(b => b.Amount).ToListAsync(cancellationToken);
        Counts = new OverviewCounts(
            Children: await commissioning.Children.CountAsync(cancellationToken),
            ActivePlacements: await active.CountAsync(cancellationToken),
            // Out of area means at a provider in another local authority, whatever reason was recorded.
            OutOfArea: await active.Join(commissioning.Providers.Where(p => p.LaCode != council.LaCode), p => p.ProviderId, p => p.Id, (a, _) => a)
                .CountAsync(cancellationToken),
            Proposed: await commissioning.Placements.CountAsync(p => p.Status == PlacementStatus.Proposed, cancellationToken),
            CommissionedPlaces: await commissioning.CommissionedPlaces.Where(p => p.AcademicYear == year).SumAsync(p => p.Places, cancellationToken),
            ProvidersByType: byType.OrderBy(t => t.Key).Select(t => (t.Key.Describe(), t.Count)).ToList(),
            Budget: Money.Sum(budget),
            BudgetLines: budget.Count);
        if ((await authorization.AuthorizeAsync(User, Policies.Budgets)).Succeeded)
            BudgetAlerts = await budgets.LatestAlertsAsync(cancellationToken);
    }

    public sealed record OverviewCounts(int Children, int ActivePlacements, int OutOfArea, int Proposed, int CommissionedPlaces,
        IReadOnlyList<(string Type, int Count)> ProvidersByType, Money Budget, int BudgetLines);
}
