using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.Payments.Calculation;
using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>How far a preparation has got: placements computed of the total, then posting.</summary>
public sealed record PreparationProgress(int Done, int Total, string Stage);

/// <summary>What preparing a month did.</summary>
/// <param name="Run">The run prepared or recomputed; null when there was nothing to pay.</param>
/// <param name="Message">What happened, in a sentence for the page and the CLI.</param>
public sealed record PreparationOutcome(PaymentRun? Run, string Message);

/// <summary>
/// Prepares the payment run for a month (domain.md §4): for every placement the council pays by schedule, posts what the
/// funding engine says is owed as payment lines; and pays every approved invoice line not yet paid as a Fee line
/// (domain.md §6). Exactly once:
/// <list type="bullet">
/// <item>one transaction: a preparation killed part-way leaves no run, or the run as it was;</item>
/// <item>(month, sequence) is unique in the database: two preparations at once produce one run (the second recomputes it);</item>
/// <item>a Draft run is recomputed; an approved run never changes, and preparing its month again posts only what has
/// changed since, as a supplementary run — or nothing at all.</item>
/// </list>
/// </summary>
/// <param name="lineWriter">How the lines are posted; null: through EF (<see cref="EntityPaymentLineWriter"/>).</param>
public sealed class PreparePaymentRun(CommissioningDb commissioning, FinanceDb finance, IClock clock, IPaymentLineWriter? lineWriter = null)
{
    private readonly IPaymentLineWriter lines = lineWriter ?? new EntityPaymentLineWriter();

    private const int ProgressEvery = 500;

    /// <exception cref="DomainRuleException"><c>PaymentMonthIsClosed</c>, <c>OneOpenRunAtATime</c>, <c>PaymentRunAwaitingApproval</c>.</exception>
    public async Task<PreparationOutcome> RunAsync(YearMonth month, string preparedBy, PaymentSettings settings,
        IProgress<PreparationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(month, preparedBy, settings, progress, cancellationToken);
            }
            catch (Exception e) when (attempt < 5 && IsRace(e))
            {
                // Another preparation created or changed the month's run first: start again and recompute that run.
                finance.ChangeTracker.Clear();
            }
        }
    }

    private static bool IsRace(Exception e) =>
        e is DbUpdateConcurrencyException || e is ConcurrentPreparation || (e is DbUpdateException u && UniqueViolation.Is(u));

    private async Task<PreparationOutcome> AttemptAsync(YearMonth month, string preparedBy, PaymentSettings settings,
        IProgress<PreparationProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var runs = await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken);
        var latestApproved = runs.Where(r => r.IsApproved).OrderBy(r => r.Month).ThenBy(r => r.Sequence).LastOrDefault();
        RefuseIfNotPreparable(runs, month);
        var open = runs.SingleOrDefault(r => r.Month == month && !r.IsApproved);

        PaymentRun run;
        if (open is not null)
        {
            // Take the run for this preparation (a row lock on a server, the write lock on SQLite) and clear its draft lines.
            var taken = await finance.PaymentRuns.Where(r => r.Id == open.Id && r.Status == PaymentRunStatus.Draft && r.Version == open.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
            if (taken == 0) throw new ConcurrentPreparation();
            await finance.PaymentLines.Where(l => l.PaymentRunId == open.Id).ExecuteDeleteAsync(cancellationToken);
            await finance.InvoicePayments.Where(p => p.PaymentRunId == open.Id).ExecuteDeleteAsync(cancellationToken);
            await finance.PaymentRunProblems.Where(p => p.PaymentRunId == open.Id).ExecuteDeleteAsync(cancellationToken);
            run = await finance.PaymentRuns.Include(r => r.Events).SingleAsync(r => r.Id == open.Id, cancellationToken);
            run.Recomputed(preparedBy, now);
        }
        else
        {
            var sequence = runs.Where(r => r.Month == month).Select(r => r.Sequence).DefaultIfEmpty(0).Max() + 1;
            run = new PaymentRun(month, sequence, preparedBy, now);
            finance.PaymentRuns.Add(run);
            await finance.SaveChangesAsync(cancellationToken); // a second preparer fails here on (month, sequence) and retries
        }

        // Without a configured first month, the first month ever prepared is go-live (never later than this one).
        var goLive = settings.FirstMonth ?? runs.Select(r => r.Month).Append(month).Min();
        var inputs = await PaymentRunInputs.LoadAsync(commissioning, finance, month, settings.CouncilLaCode, goLive,
            latestApproved?.ApprovedAt, cancellationToken);

        var planned = new List<PlannedLine>();
        var problems = new List<PaymentRunProblem>();
        for (var i = 0; i < inputs.Placements.Count; i++)
        {
            if (i % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new(i, inputs.Placements.Count, "Computing"));
            }
            var placement = inputs.Placements[i];
            var payment = PaymentPlan.For(placement, month, inputs.PaidTo(placement.PlacementId), inputs.Settings);
            planned.AddRange(payment.Lines);
            if (payment.Problem is { } problem)
                problems.Add(new PaymentRunProblem(run.Id, placement.TopUp.Reference, placement.ProviderReference, problem));
        }

        planned.AddRange(FeeLines.For(inputs.Fees));

        if (planned.Count == 0 && problems.Count == 0 && open is null && run.Sequence > 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            finance.ChangeTracker.Clear();
            return new(null, $"Nothing to pay: nothing has changed since the approved {PaymentRun.Describe(month)} run.");
        }

        progress?.Report(new(inputs.Placements.Count, inputs.Placements.Count, "Posting"));
        finance.PaymentRunProblems.AddRange(problems);
        var held = Money.Sum(planned.Where(l => l.HoldId is not null).Select(l => l.Amount));
        run.Totals(Money.Sum(planned.Select(l => l.Amount)) - held, held, planned.Count, problems.Count);
        await finance.SaveChangesAsync(cancellationToken);
        await lines.WriteAsync(finance, run.Id, planned, cancellationToken);
        // Each invoice line taken, once: a second run taking the same line fails on the unique index, and rolls back.
        finance.InvoicePayments.AddRange(inputs.Fees.Select(f => new Invoices.InvoicePayment(run.Id, f.InvoiceLineId, f.PlacementId, f.Amount)));
        await finance.SaveChangesAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
        finance.ChangeTracker.Clear();
        return new(run, $"{(open is null ? "Prepared" : "Recomputed")} the {run.Title} run: {planned.Count:N0} lines, {run.Total} to pay" +
            (run.HeldTotal.IsZero ? "" : $", {run.HeldTotal} held") +
            (problems.Count == 0 ? "." : $"; {problems.Count:N0} placement(s) could not be computed and are listed on the run."));
    }

    /// <summary>Refuses now, with the rule preparation itself would apply, a month that cannot be prepared (the page and API ask before queuing the job).</summary>
    /// <exception cref="DomainRuleException"><c>PaymentMonthIsClosed</c>, <c>OneOpenRunAtATime</c>, <c>PaymentRunAwaitingApproval</c>.</exception>
    public async Task CheckAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        RefuseIfNotPreparable(await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken), month);

    private static void RefuseIfNotPreparable(IReadOnlyList<PaymentRun> runs, YearMonth month)
    {
        var latestApproved = runs.Where(r => r.IsApproved).OrderBy(r => r.Month).ThenBy(r => r.Sequence).LastOrDefault();
        if (latestApproved is not null && month < latestApproved.Month)
            throw new DomainRuleException("PaymentMonthIsClosed",
                $"{PaymentRun.Describe(latestApproved.Month)} is already paid, so {PaymentRun.Describe(month)} cannot be prepared again: " +
                $"any change to it is paid as an adjustment in the next run.");

        // One open run at a time: a later month prepared while an earlier one awaits approval would count the earlier
        // month as unpaid and pay it again as back-pay once both were approved.
        if (runs.FirstOrDefault(r => r.Month != month && !r.IsApproved) is { } other)
            throw new DomainRuleException("OneOpenRunAtATime",
                $"The {other.Title} run is {PaymentRun.Describe(other.Status)}: approve it before preparing {PaymentRun.Describe(month)}, " +
                $"so no month is paid twice.");

        if (runs.SingleOrDefault(r => r.Month == month && r.Status == PaymentRunStatus.AwaitingSecondApproval) is { } waiting)
            throw new DomainRuleException("PaymentRunAwaitingApproval",
                $"The {waiting.Title} run has a first approval and awaits a second: it cannot be recomputed now.");
    }

    private sealed class ConcurrentPreparation : Exception;
}
