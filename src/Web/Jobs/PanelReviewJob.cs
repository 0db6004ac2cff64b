using NodaTime;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// The daily panel review check (<c>Jobs:PanelReviewSchedule</c>, 07:30 UK time): flags each jointly funded case whose
/// review date has passed without a new decision, so the panel's reviews list shows it before the office opens. Only calls
/// the use case; idempotent, so a misfire fired on return or a second fire the same day changes nothing more. A failure is
/// logged and leaves yesterday's flags.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PanelReviewJob(IServiceScopeFactory scopes, IClock clock, ILogger<PanelReviewJob> log) : IJob
{
    public static readonly JobKey Key = new("panel-reviews", "panel");
    public const string ScheduledActor = "job:panel-reviews";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(ScheduledActor);
        try
        {
            var (overdue, changed) = await scope.ServiceProvider.GetRequiredService<CheckPanelReviews>().RunAsync(today, cancellationToken);
            log.LogInformation("Panel reviews checked for {Today}: {Overdue} overdue, {Changed} changed", today, overdue, changed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Checking panel reviews for {Today} failed", today);
        }
    }
}
