using NodaTime;
using NodaTime.Text;
using Placements.Web.Hosting;
using Placements.Web.Payments;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// Prepares the month's payment run: monthly on the schedule (<c>Jobs:PaymentRunSchedule</c>), or at once when an
/// officer asks from the page (the month and their name in the trigger's data). Only calls the use case; a failure is
/// logged and leaves nothing posted.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PreparePaymentRunJob(IServiceScopeFactory scopes, IClock clock, ILogger<PreparePaymentRunJob> log) : IJob
{
    public static readonly JobKey Key = new("prepare-payment-run", "payments");
    public const string MonthKey = "month";
    public const string RequestedByKey = "requestedBy";
    public const string ScheduledActor = "job:payment-run";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var month = data.TryGetString(MonthKey, out var text) && YearMonthPattern.Iso.Parse(text ?? "") is { Success: true } parsed
            ? parsed.Value
            : clock.TodayInLondon().ToYearMonth();
        var by = data.TryGetString(RequestedByKey, out var requested) && !string.IsNullOrWhiteSpace(requested) ? requested! : ScheduledActor;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(by);
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<PaymentOperations>().PrepareAsync(month, by, cancellationToken);
            log.LogInformation("Payment run {Month} prepared by {By}: {Outcome}", YearMonthPattern.Iso.Format(month), by, outcome.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing was posted (one transaction); the page shows the failure and the officer can prepare again.
            log.LogError(e, "Preparing the payment run for {Month} failed", YearMonthPattern.Iso.Format(month));
        }
    }
}
