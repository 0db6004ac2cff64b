using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>The app's own Quartz scheduler, and what every scheduled job's trigger must be.</summary>
public static class ScheduledJobs
{
    public static async Task<IScheduler> SchedulerAsync(this PlacementsApp app) =>
        await app.Services.GetRequiredService<ISchedulerFactory>().LookupScheduler(app.SchedulerName, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No scheduler named {app.SchedulerName}.");

    /// <summary>
    /// Asserts that <paramref name="trigger"/> fires <paramref name="job"/> on <paramref name="cron"/> in UK time, and once
    /// after downtime (a misfire fires and proceeds), and that the job is durable and never runs twice at once.
    /// </summary>
    /// <returns>The trigger's next fire, in UK time.</returns>
    public static async Task<DateTimeOffset> AssertLondonTriggerAsync(this PlacementsApp app, TriggerKey trigger, JobKey job, string cron)
    {
        var scheduler = await app.SchedulerAsync();
        var stored = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(trigger, TestContext.Current.CancellationToken));
        var detail = await scheduler.GetJobDetail(job, TestContext.Current.CancellationToken);

        Assert.Equal((cron, "Europe/London", CronTriggerMisfireInstruction.FireAndProceed, job),
            (stored.CronExpressionString, stored.TimeZone.Id, stored.MisfireInstruction, stored.JobKey));
        Assert.NotNull(detail);
        Assert.True(detail.ConcurrentExecutionDisallowed);
        Assert.True(detail.Durable);
        Assert.NotNull(stored.NextFireTimeUtc);
        return TimeZoneInfo.ConvertTime(stored.NextFireTimeUtc.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
    }
}
