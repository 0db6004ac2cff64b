using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Jobs;
using Placements.Web.Tests.Infrastructure;
using Quartz;

namespace Placements.Web.Tests;

/// <summary>
/// The monthly payment run on Quartz: the job fires through the scheduler (not by calling the class) and the run
/// appears; the schedule is the 5th at 06:00 UK time and fires once after downtime; the server configuration is clustered.
/// </summary>
public sealed class PaymentJobTests(SqliteApp sqlite, PostgresApp postgres)
{
    [Fact]
    public async Task TheJob_FiredThroughTheScheduler_PreparesTheRun()
    {
        // A month no other test of the shared app prepares.
        var month = new YearMonth(2027, 2);
        var scheduler = await SchedulerOf(sqlite);

        await scheduler.TriggerJob(PreparePaymentRunJob.Key, new JobDataMap
        {
            [PreparePaymentRunJob.MonthKey] = "2027-02",
            [PreparePaymentRunJob.RequestedByKey] = "finance.officer",
        }, TestContext.Current.CancellationToken);

        var run = await WaitForRunAsync(sqlite, month);
        Assert.Equal(PaymentRunStatus.Draft, run.Status);
        Assert.Equal("finance.officer", run.PreparedBy);
        Assert.True(run.LineCount > 0, "the demo county's run has lines");
        await using var scope = sqlite.Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var audit = await finance.AuditEntries.Where(a => a.EntityType == nameof(PaymentRun) && a.EntityKey == run.AuditKey).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(audit, a => a.Actor == "finance.officer" && a.Action == "Created");
    }

    [Fact]
    public async Task TheMonthlyTrigger_IsThe5thAt6InLondon_AndAMisfireRunsOnceWhenTheAppReturns()
    {
        var scheduler = await SchedulerOf(sqlite);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken));

        Assert.Equal(JobsSetup.DefaultPaymentRunSchedule, trigger.CronExpressionString);
        Assert.Equal("Europe/London", trigger.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
        Assert.Equal(PreparePaymentRunJob.Key, trigger.JobKey);
    }

    [Fact]
    public async Task TheJob_DoesNotRunTwiceAtOnce()
    {
        var scheduler = await SchedulerOf(sqlite);

        var job = await scheduler.GetJobDetail(PreparePaymentRunJob.Key, TestContext.Current.CancellationToken);

        Assert.NotNull(job);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.True(job.Durable);
    }

    [Fact]
    public async Task OnSqlite_TheJobStoreIsPersistent()
    {
        var metadata = await (await SchedulerOf(sqlite)).GetMetadata(TestContext.Current.CancellationToken);

        Assert.True(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered, "SQLite cannot be clustered: the embedded default is one node");
        Assert.NotNull(metadata.RunningSince);
    }

    [Fact]
    public async Task OnPostgres_TheClusteredSchedulerStarts()
    {
        var scheduler = await SchedulerOf(postgres);

        var metadata = await scheduler.GetMetadata(TestContext.Current.CancellationToken);

        Assert.NotNull(metadata.RunningSince);
        Assert.True(metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.NotNull(await scheduler.GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken));
    }

    private static async Task<IScheduler> SchedulerOf(PlacementsApp app)
    {
        var factory = app.Services.GetRequiredService<ISchedulerFactory>();
        return await factory.LookupScheduler(app.SchedulerName, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No scheduler named {app.SchedulerName}.");
    }

    private static async Task<PaymentRun> WaitForRunAsync(PlacementsApp app, YearMonth month)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
                var run = await finance.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Month == month, TestContext.Current.CancellationToken);
                if (run is not null) return run;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No run for {month} appeared within 90 s of firing the job.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
