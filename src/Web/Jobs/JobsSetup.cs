using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// Quartz.NET on a persistent ADO job store in the app's own database (its tables come with the migrations). On a
/// server database the scheduler is clustered, so several web nodes can run and a job still fires once; SQLite cannot
/// be clustered (Quartz refuses), and the embedded default is one node anyway.
/// </summary>
public static class JobsSetup
{
    /// <summary>Monthly on the 5th at 06:00 UK time: the month's run is ready for approval when the office opens.</summary>
    public const string DefaultPaymentRunSchedule = "0 0 6 5 * ?";

    public static readonly TriggerKey PaymentRunTrigger = new("monthly-payment-run", "payments");

    /// <summary>Daily at 07:00 UK time: invoices due soon and overdue are flagged before the office opens.</summary>
    public const string DefaultInvoiceDeadlineSchedule = "0 0 7 * * ?";

    public static readonly TriggerKey InvoiceDeadlineTrigger = new("daily-invoice-deadlines", "invoices");

    /// <summary>Monthly on the 6th at 07:00 UK time: the day after the 5th's payment run, so the month's actuals are in.</summary>
    public const string DefaultBudgetSnapshotSchedule = "0 0 7 6 * ?";

    public static readonly TriggerKey BudgetSnapshotTrigger = new("monthly-budget-snapshot", "budgets");

    /// <summary>Daily at 07:30 UK time: panel cases overdue for review are flagged before the office opens.</summary>
    public const string DefaultPanelReviewSchedule = "0 30 7 * * ?";

    public static readonly TriggerKey PanelReviewTrigger = new("daily-panel-reviews", "panel");

    /// <summary>Monthly on the 1st at 08:00 UK time: last month's runs are all approved, so its recharges can be prepared.</summary>
    public const string DefaultRechargeSchedule = "0 0 8 1 * ?";

    public static readonly TriggerKey RechargeTrigger = new("monthly-recharges", "panel");

    public static void AddPlacementsJobs(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.Equals(configuration["Jobs:Enabled"], "false", StringComparison.OrdinalIgnoreCase)) return;
        var database = DatabaseSettings.From(configuration, builder.Environment.ContentRootPath);
        var schedule = Schedule(configuration, "Jobs:PaymentRunSchedule", DefaultPaymentRunSchedule, "06:00 on the 5th");
        var deadlineSchedule = Schedule(configuration, "Jobs:InvoiceDeadlineSchedule", DefaultInvoiceDeadlineSchedule, "07:00 every day");
        var snapshotSchedule = Schedule(configuration, "Jobs:BudgetSnapshotSchedule", DefaultBudgetSnapshotSchedule, "07:00 on the 6th");
        var reviewSchedule = Schedule(configuration, "Jobs:PanelReviewSchedule", DefaultPanelReviewSchedule, "07:30 every day");
        var rechargeSchedule = Schedule(configuration, "Jobs:RechargeSchedule", DefaultRechargeSchedule, "08:00 on the 1st");
        var schedulerName = configuration["Jobs:SchedulerName"] is { Length: > 0 } name ? name : "Placements";

        // One default scheduler (ISchedulerFactory unkeyed) whose instance name is configurable: in a cluster every node
        // uses the same name; in one process (the tests) every app needs its own.
        builder.Services.AddQuartz(new Dictionary<string, string?> { ["quartz.scheduler.instanceName"] = schedulerName }, q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.TablePrefix = ScheduledJobTables.Prefix);
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                        break;
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                        store.UseClustering(_ => { });
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(SqlClientFactory.Instance, database.ConnectionString);
                        store.UseClustering(_ => { });
                        break;
                }
            });
            q.AddJob(typeof(PreparePaymentRunJob), j => j.WithIdentity(PreparePaymentRunJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(PreparePaymentRunJob.Key).WithIdentity(PaymentRunTrigger).WithCronSchedule(schedule, InLondon));
            q.AddJob(typeof(InvoiceDeadlineJob), j => j.WithIdentity(InvoiceDeadlineJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(InvoiceDeadlineJob.Key).WithIdentity(InvoiceDeadlineTrigger).WithCronSchedule(deadlineSchedule, InLondon));
            q.AddJob(typeof(BudgetSnapshotJob), j => j.WithIdentity(BudgetSnapshotJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(BudgetSnapshotJob.Key).WithIdentity(BudgetSnapshotTrigger).WithCronSchedule(snapshotSchedule, InLondon));
            q.AddJob(typeof(PanelReviewJob), j => j.WithIdentity(PanelReviewJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(PanelReviewJob.Key).WithIdentity(PanelReviewTrigger).WithCronSchedule(reviewSchedule, InLondon));
            q.AddJob(typeof(RechargeJob), j => j.WithIdentity(RechargeJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(RechargeJob.Key).WithIdentity(RechargeTrigger).WithCronSchedule(rechargeSchedule, InLondon));
        });
        // The stored trigger is kept across restarts (not replaced by the declared one, which would compute its next fire
        // from now): a 5th missed while the app was down is then a misfire, fired once on return. A changed schedule is
        // applied by PaymentScheduleSync instead.
        builder.Services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(sp => new ScheduleSync(sp.GetRequiredService<ISchedulerFactory>(),
            [(PaymentRunTrigger, PreparePaymentRunJob.Key, schedule), (InvoiceDeadlineTrigger, InvoiceDeadlineJob.Key, deadlineSchedule),
             (BudgetSnapshotTrigger, BudgetSnapshotJob.Key, snapshotSchedule), (PanelReviewTrigger, PanelReviewJob.Key, reviewSchedule),
             (RechargeTrigger, RechargeJob.Key, rechargeSchedule)]));
    }

    private static string Schedule(IConfiguration configuration, string key, string fallback, string meaning)
    {
        var schedule = configuration[key] is { Length: > 0 } cron ? cron.Trim() : fallback;
        if (!CronExpression.TryParse(schedule, out _))
            throw new StartupProblem($"{key} '{schedule}' is not a Quartz cron expression (e.g. '{fallback}': {meaning}).");
        return schedule;
    }

    /// <summary>UK time; after downtime the missed run fires once when the app returns, not once per missed month (or day).</summary>
    internal static void InLondon(CronScheduleBuilder cron) =>
        cron.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}

/// <summary>
/// Applies a changed schedule (<c>Jobs:PaymentRunSchedule</c>, <c>Jobs:InvoiceDeadlineSchedule</c>, <c>Jobs:BudgetSnapshotSchedule</c>, <c>Jobs:PanelReviewSchedule</c>, <c>Jobs:RechargeSchedule</c>) to the stored
/// trigger at start-up (the stored trigger is otherwise kept, so its firing history survives restarts).
/// </summary>
internal sealed class ScheduleSync(ISchedulerFactory schedulers, IReadOnlyList<(TriggerKey Trigger, JobKey Job, string Schedule)> schedules) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (key, job, schedule) in schedules)
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger { CronExpressionString: var stored } && stored == schedule)
                continue;
            var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job).WithCronSchedule(schedule, JobsSetup.InLondon).Build();
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
