using NodaTime;
using Placements.Finance.Invoices;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Jobs;

/// <summary>
/// The daily invoice-deadline check (<c>Jobs:InvoiceDeadlineSchedule</c>, 07:00 UK time): flags invoices due soon and
/// overdue so the work queue shows them before the office opens. Only calls the use case; idempotent, so a misfire
/// fired on return or a second fire the same day changes nothing more. A failure is logged and leaves yesterday's flags.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InvoiceDeadlineJob(IServiceScopeFactory scopes, IClock clock, ILogger<InvoiceDeadlineJob> log) : IJob
{
    public static readonly JobKey Key = new("invoice-deadlines", "invoices");
    public const string ScheduledActor = "job:invoice-deadlines";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(ScheduledActor);
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<CheckInvoiceDeadlines>().RunAsync(today, cancellationToken);
            log.LogInformation("Invoice deadlines checked for {Today}: {DueSoon} due soon, {Overdue} overdue, {Changed} changed",
                outcome.Today, outcome.DueSoon, outcome.Overdue, outcome.Changed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Checking invoice deadlines for {Today} failed", today);
        }
    }
}
