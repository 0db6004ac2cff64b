using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// The real app on the example county (its 2026/27 budgets: £4,120,000 on 1.2.1, £1,250,000 on 1.2.4, £9,650,000 on
/// 1.2.3 …), with a budget holder, a finance approver and a commissioner. The budget tests' own database: snapshots and
/// revisions made here touch no other test. On SQLite and on the local PostgreSQL.
/// </summary>
public abstract class BudgetsApp(DatabaseProvider provider) : StaffedEmptyApp(provider, new Dictionary<string, string>
{
    ["budget.holder"] = Roles.BudgetHolder,
    ["finance.approver"] = Roles.FinanceApprover,
    ["commissioner"] = Roles.Commissioner,
})
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (await CommandLine.RunAsync(Services, ["import", ExampleCounty.Folder]) != 0) throw new InvalidOperationException("The example county did not import.");
    }

    public LocalDate Today => Services.GetRequiredService<IClock>().TodayInLondon();

    public FinancialYear ThisYear => FinancialYear.For(Today);

    public BudgetSettings Settings => Services.GetRequiredService<BudgetSettings>();

    /// <summary>The forecast of this year today, or of <paramref name="year"/> on <paramref name="asAt"/>.</summary>
    public async Task<HighNeedsForecastResult> ForecastAsync(ForecastOptions options, FinancialYear? year = null, LocalDate? asAt = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForecastOutturn>().ForecastAsync(year ?? ThisYear, asAt ?? Today, options, Settings);
    }

    public async Task<(HighNeedsForecastResult Base, HighNeedsForecastResult Scenario)> CompareAsync(ForecastOptions scenario)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForecastOutturn>().CompareAsync(ThisYear, Today, scenario, Settings);
    }

    /// <summary>Takes the snapshot of the month that ends on <paramref name="asAt"/>, as the monthly job would.</summary>
    public async Task<BudgetSnapshot> TakeSnapshotAsync(LocalDate asAt)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:budgets-app");
        return (await scope.ServiceProvider.GetRequiredService<TakeBudgetSnapshot>().RunAsync(asAt, "test:snapshot", Settings)).Snapshot;
    }

    public async Task ReviseAsync(string line, Money amount, string reason)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:budgets-app");
        await scope.ServiceProvider.GetRequiredService<ReviseBudget>().RunAsync(ThisYear, line, amount, reason, "test:budgets-app");
    }

    public async Task<IReadOnlyList<BudgetLine>> BudgetsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BudgetMonitoringQueries>().BudgetsAsync(ThisYear);
    }
}

public sealed class BudgetsSqliteApp() : BudgetsApp(DatabaseProvider.Sqlite);

public sealed class BudgetsPostgresApp() : BudgetsApp(DatabaseProvider.Postgres);
