using NodaTime;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// The monthly recharge (<c>Jobs:RechargeSchedule</c>, 08:00 UK time on the 1st): prepares last month's statements for the
/// partners recharged monthly and, when last month ended a quarter, the quarter's for those recharged quarterly
/// (<c>Panel:RechargeFrequency:*</c>). Only calls the use case; a period already recharged is not prepared again, so a
/// misfire fired on return or a second fire changes nothing more. A refusal or failure is logged and prepares nothing:
/// the statements can still be prepared on <c>/Panel/Recharges</c>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RechargeJob(IServiceScopeFactory scopes, RechargeSchedule schedule, IClock clock, ILogger<RechargeJob> log) : IJob
{
    public static readonly JobKey Key = new("recharges", "panel");
    public const string ScheduledActor = "job:recharges";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var month = clock.TodayInLondon().ToYearMonth().PlusMonths(-1);
        var due = schedule.EndingWith(month);
        if (due.Count == 0)
        {
            log.LogInformation("No partner's recharge period ends with {Month}", month);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(ScheduledActor);
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<PrepareRechargeStatements>().RunAsync(month, due, ScheduledActor, cancellationToken);
            log.LogInformation("Recharges for {Month}: {Outcome}", month, outcome.Message);
        }
        catch (DomainRuleException refused)
        {
            log.LogWarning("Recharges for {Month} were refused ({Rule}): {Reason}", month, refused.Rule, refused.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Preparing the recharges for {Month} failed", month);
        }
    }
}
