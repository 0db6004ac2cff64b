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
        var scheduler = await sqlite.SchedulerAsync();

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
        var scheduler = await sqlite.SchedulerAsync();

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken));

        Assert.Equal(JobsSetup.DefaultPaymentRunSchedule, trigger.CronExpressionString);
        Assert.Equal("Europe/London", trigger.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
        Assert.Equal(PreparePaymentRunJob.Key, trigger.JobKey);
    }

    [Fact]
    public async Task TheJob_DoesNotRunTwiceAtOnce()
    {
        var scheduler = await sqlite.SchedulerAsync();

        var job = await scheduler.GetJobDetail(PreparePaymentRunJob.Key, TestContext.Current.CancellationToken);

        Assert.NotNull(job);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.True(job.Durable);
    }

    [Fact]
    public async Task OnSqlite_TheJobStoreIsPersistent()
    {
        var metadata = await (await sqlite.SchedulerAsync()).GetMetadata(TestContext.Current.CancellationToken);

        Assert.True(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered, "SQLite cannot be clustered: the embedded default is one node");
        Assert.NotNull(metadata.RunningSince);
    }

    [Fact]
    public async Task OnPostgres_TheClusteredSchedulerStarts()
    {
        var scheduler = await postgres.SchedulerAsync();

        var metadata = await scheduler.GetMetadata(TestContext.Current.CancellationToken);

        Assert.NotNull(metadata.RunningSince);
        Assert.True(metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.NotNull(await scheduler.GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken));
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

/// <summary>
/// Downtime: the app is stopped across the monthly fire time and started again; the missed run fires once (not once per
/// missed month), and the trigger moves on to the next 5th.
/// </summary>
public sealed class PaymentJobMisfireTests
{
    /// <summary>The app on a given SQLite file and scheduler name, so a second start finds the first one's triggers.</summary>
    private sealed class RestartableApp(string database, string schedulerName, string schedule = JobsSetup.DefaultPaymentRunSchedule)
        : PlacementsApp(Database.DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Demo:Seed", "false"),
            new(Database.DatabaseSettings.ConnectionStringKey, $"Data Source={database}"),
            new("Jobs:SchedulerName", schedulerName),
            new("Jobs:PaymentRunSchedule", schedule),
        ];
    }

    [Fact]
    public async Task AFireTimeMissedWhileTheAppWasDown_RunsOnceWhenItReturns()
    {
        var database = AppProcess.NewDatabase("misfire-");
        var name = $"Placements-misfire-{Guid.NewGuid():N}";
        await using (var first = new RestartableApp(database, name))
        {
            await first.InitializeAsync();
            Assert.Equal(0, await Cli.CommandLine.RunAsync(first.Services, ["import", ExampleCounty.Folder]));
        }

        // As if the job last fired two months ago and the app was then down across the following 5ths: Quartz keeps fire
        // times as UTC ticks.
        var lastFired = DateTimeOffset.UtcNow.AddDays(-70);
        var missed = DateTimeOffset.UtcNow.AddDays(-40);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE QRTZ_TRIGGERS SET PREV_FIRE_TIME = $last, NEXT_FIRE_TIME = $missed WHERE TRIGGER_NAME = $trigger";
            command.Parameters.AddWithValue("$last", lastFired.UtcTicks);
            command.Parameters.AddWithValue("$missed", missed.UtcTicks);
            command.Parameters.AddWithValue("$trigger", JobsSetup.PaymentRunTrigger.Name);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using (var second = new RestartableApp(database, name))
        {
            await second.InitializeAsync();

            var month = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(Hosting.UkClock.London).Date.ToYearMonth();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            PaymentRun? run = null;
            while (run is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
                await using var scope = second.Services.CreateAsyncScope();
                run = await scope.ServiceProvider.GetRequiredService<FinanceDb>().PaymentRuns.AsNoTracking().Include(r => r.Events)
                    .SingleOrDefaultAsync(r => r.Month == month, TestContext.Current.CancellationToken);
            }
            Assert.NotNull(run);
            Assert.Equal(PreparePaymentRunJob.ScheduledActor, run.PreparedBy);

            // Once, not once per missed month: no recompute follows, and the trigger waits for the next 5th.
            await Task.Delay(3000, TestContext.Current.CancellationToken);
            await using (var scope = second.Services.CreateAsyncScope())
            {
                var runs = await scope.ServiceProvider.GetRequiredService<FinanceDb>().PaymentRuns.AsNoTracking().Include(r => r.Events)
                    .ToListAsync(TestContext.Current.CancellationToken);
                var only = Assert.Single(runs);
                Assert.Equal(["Prepared"], only.Events.Select(e => e.Action));
            }
            var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().LookupScheduler(name, TestContext.Current.CancellationToken);
            var next = (await scheduler!.GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken))!.NextFireTimeUtc;
            Assert.NotNull(next);
            Assert.True(next > DateTimeOffset.UtcNow, $"the next fire time {next} is after now");
            Assert.Equal(5, TimeZoneInfo.ConvertTime(next.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Day);
        }

        // The stored trigger is kept across starts, so a changed schedule is applied to it at the next start.
        await using var third = new RestartableApp(database, name, "0 30 7 6 * ?");
        await third.InitializeAsync();
        var changed = await (await third.Services.GetRequiredService<ISchedulerFactory>().LookupScheduler(name, TestContext.Current.CancellationToken))!
            .GetTrigger(JobsSetup.PaymentRunTrigger, TestContext.Current.CancellationToken);
        var cron = Assert.IsAssignableFrom<ICronTrigger>(changed);
        Assert.Equal(("0 30 7 6 * ?", "Europe/London", CronTriggerMisfireInstruction.FireAndProceed), (cron.CronExpressionString, cron.TimeZone.Id, cron.MisfireInstruction));
    }
}
