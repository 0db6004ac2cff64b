using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Jobs;
using Placements.Web.Tests.Infrastructure;
using Quartz;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// The monthly budget snapshot on Quartz: fired through the scheduler (not by calling the class), the month's snapshot
/// appears, taken by the job; the trigger is the configured cron in London time, fires once after downtime, and the job
/// never runs twice at once.
/// </summary>
public sealed class BudgetSnapshotJobTests(SqliteApp sqlite, PostgresApp postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo county on an app of its own (no other test takes its snapshots), on a schedule of its own.</summary>
    private sealed class SnapshotApp() : PlacementsApp(DatabaseProvider.Sqlite)
    {
        public const string Schedule = "0 30 8 7 * ?";

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Jobs:BudgetSnapshotSchedule", Schedule)];
    }

    [Fact]
    public async Task TheJob_FiredThroughTheScheduler_TakesTheMonthsSnapshot_OnTheConfiguredSchedule()
    {
        await using var app = new SnapshotApp();
        await app.InitializeAsync();
        var scheduler = await app.SchedulerAsync();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(JobsSetup.BudgetSnapshotTrigger, Ct));
        Assert.Equal((SnapshotApp.Schedule, "Europe/London", BudgetSnapshotJob.Key), (trigger.CronExpressionString, trigger.TimeZone.Id, trigger.JobKey));

        await scheduler.TriggerJob(BudgetSnapshotJob.Key, Ct);

        var today = SystemClock.Instance.TodayInLondon();
        var snapshot = await WaitForSnapshotAsync(app, today.ToYearMonth());
        Assert.Equal((today, BudgetSnapshotJob.ScheduledActor), (snapshot.AsAt, snapshot.TakenBy));
        Assert.True(snapshot.Forecast.Pence > 0, "the demo county's forecast");
        await using var scope = app.Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        Assert.True(await finance.BudgetSnapshotPlacements.CountAsync(p => p.BudgetSnapshotId == snapshot.Id, Ct) > 1_000);
        var audit = await finance.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(BudgetSnapshot)).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Actor == BudgetSnapshotJob.ScheduledActor && a.Action == "Created");
    }

    [Fact]
    public async Task TheDefaultTrigger_Is7OnThe6thInLondon_AMisfireRunsOnce_AndTheJobNeverRunsTwiceAtOnce()
    {
        var next = await sqlite.AssertLondonTriggerAsync(JobsSetup.BudgetSnapshotTrigger, BudgetSnapshotJob.Key, JobsSetup.DefaultBudgetSnapshotSchedule);

        Assert.Equal(("0 0 7 6 * ?", 6, new TimeSpan(7, 0, 0)), (JobsSetup.DefaultBudgetSnapshotSchedule, next.Day, next.TimeOfDay));
    }

    [Fact]
    public async Task OnPostgres_TheClusteredSchedulerHasTheTrigger()
    {
        var scheduler = await postgres.SchedulerAsync();

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(JobsSetup.BudgetSnapshotTrigger, Ct));

        Assert.Equal(JobsSetup.DefaultBudgetSnapshotSchedule, trigger.CronExpressionString);
        Assert.True((await scheduler.GetMetadata(Ct)).JobStoreClustered);
    }


    private static async Task<BudgetSnapshot> WaitForSnapshotAsync(PlacementsApp app, YearMonth month)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var snapshot = await scope.ServiceProvider.GetRequiredService<FinanceDb>().BudgetSnapshots.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Month == month, Ct);
                if (snapshot is not null) return snapshot;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No snapshot for {month} appeared within 90 s of firing the job.");
            await Task.Delay(250, Ct);
        }
    }
}
