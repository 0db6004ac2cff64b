using NodaTime;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// The monthly budget-monitoring snapshot (<c>Jobs:BudgetSnapshotSchedule</c>, 07:00 UK time on the 6th: the day after
/// the 5th's payment run): the forecast outturn of the year on today's date, stored immutable. Only calls the use case;
/// idempotent per month, so a misfire fired on return or a second fire the same month changes nothing more. A failure is
/// logged and leaves last month's snapshot the latest.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BudgetSnapshotJob(IServiceScopeFactory scopes, IClock clock, ILogger<BudgetSnapshotJob> log) : IJob
{
    public static readonly JobKey Key = new("budget-snapshot", "budgets");
    public const string ScheduledActor = "job:budget-snapshot";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(ScheduledActor);
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TakeBudgetSnapshot>()
                .RunAsync(today, ScheduledActor, scope.ServiceProvider.GetRequiredService<BudgetSettings>(), cancellationToken);
            log.LogInformation("Budget snapshot for {Today}: {Outcome}", today, outcome.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Taking the budget snapshot for {Today} failed", today);
        }
    }
}
