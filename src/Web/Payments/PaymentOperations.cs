using Microsoft.AspNetCore.Identity;
using NodaTime;
using Placements.Accounts;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Web.Hosting;
using Placements.Web.Reports;

namespace Placements.Web.Payments;

/// <summary>
/// The payment run's use cases as the host offers them to pages, the CLI and the scheduled job: reads the council's
/// settings and the approver's limit, reports progress, and names who acts in the audit trail.
/// </summary>
public sealed class PaymentOperations(IServiceProvider services, IConfiguration configuration, CouncilSettings council, PaymentRunProgress progress)
{
    public PaymentSettings Settings => new(council.LaCode, TopUpScheduleText.GoLiveMonth(configuration));

    /// <summary>The council as remittances and the ledger journal show it; cost centres from <c>Payments:CostCentres:&lt;s251 line&gt;</c>.</summary>
    public Payer Payer => new(council.Name, council.LaCode,
        configuration.GetSection("Payments:CostCentres").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!.Trim()));

    /// <summary>Prepares (or recomputes) the month's run as <paramref name="by"/>, showing progress on the run page.</summary>
    public async Task<PreparationOutcome> PrepareAsync(YearMonth month, string by, CancellationToken cancellationToken = default)
    {
        progress.Queued(month, by);
        try
        {
            var outcome = await services.GetRequiredService<PreparePaymentRun>()
                .RunAsync(month, by, Settings, progress.Reporter(month, by), cancellationToken);
            progress.Finished(month, by, outcome.Message, failed: false);
            return outcome;
        }
        catch (Exception e)
        {
            progress.Finished(month, by, e is Commissioning.DomainRuleException ? e.Message : "The preparation failed and nothing was posted; the error is in the log.", failed: true);
            throw;
        }
    }

    /// <summary>
    /// Queues the month's preparation on the scheduled job, which runs it off the request and reports progress to the run
    /// page. A month that cannot be prepared is refused here with the use case's own rule, not accepted and then failing
    /// unseen in the job.
    /// </summary>
    /// <exception cref="Commissioning.DomainRuleException">The preparation rules; <c>JobsAreOff</c> when this node runs no jobs.</exception>
    public async Task RequestPreparationAsync(YearMonth month, string by, CancellationToken cancellationToken = default)
    {
        var schedulers = services.GetService<Quartz.ISchedulerFactory>()
            ?? throw new Commissioning.DomainRuleException("JobsAreOff",
                "Scheduled jobs are switched off on this server (Jobs:Enabled is false): use the payments prepare command instead.");
        await services.GetRequiredService<PreparePaymentRun>().CheckAsync(month, cancellationToken);
        progress.Queued(month, by);
        // Only primitives in the data map: the persistent store serialises it.
        var data = new Quartz.JobDataMap
        {
            [Jobs.PreparePaymentRunJob.MonthKey] = NodaTime.Text.YearMonthPattern.Iso.Format(month),
            [Jobs.PreparePaymentRunJob.RequestedByKey] = by,
        };
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(Jobs.PreparePaymentRunJob.Key, data, cancellationToken);
    }

    /// <summary>The approver as the approval sees them: a FinanceApprover with their limit (none set = £0: cannot approve).</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>ApproverMustBeAFinanceApprover</c>.</exception>
    public async Task<Approver> ApproverAsync(string userName)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null || !await users.IsInRoleAsync(user, Roles.FinanceApprover))
            throw new Commissioning.DomainRuleException("ApproverMustBeAFinanceApprover", $"{userName} is not a finance approver, so cannot approve payment runs.");
        return new Approver(user.UserName!, new Money(user.ApprovalLimitPence ?? 0));
    }
}
