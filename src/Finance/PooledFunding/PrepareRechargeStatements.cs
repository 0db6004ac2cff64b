using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;

namespace Placements.Finance.PooledFunding;

/// <summary>What preparing recharges did: the statements prepared, and why any partner asked for has none (already recharged, period not over).</summary>
public sealed record RechargeOutcome(IReadOnlyList<RechargeStatement> Statements, IReadOnlyList<string> Notes)
{
    public string Message => string.Join(" ", (Statements.Count == 0 ? ["Nothing to prepare."] : Statements.Select(s => $"{s.Reference}: {s.Lines.Count} lines, {s.Total}."))
        .Concat(Notes));
}

/// <summary>
/// Prepares each partner's recharge statement for its period containing a month — the month, or its quarter for a partner
/// recharged quarterly (<see cref="RechargeSchedule"/>): its share of everything the council actually paid for jointly
/// funded placements in runs approved in the period — top-ups, adjustments (recoveries are credits) and invoices — with
/// the split in force on each day paid for (<see cref="Recharges"/>). A run belongs to the period it was approved in, so
/// each payment is recharged once; a period already recharged to a partner is not prepared again, and a period
/// overlapping one already recharged (the partner's frequency changed mid-quarter) is refused.
/// </summary>
public sealed class PrepareRechargeStatements(CommissioningDb commissioning, FinanceDb finance, RechargeSchedule schedule, IClock clock)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <exception cref="DomainRuleException">
    /// <c>PeriodNotOver</c> (no partner's period is over yet); <c>PeriodOverlapsStatement</c> (also when a statement for
    /// one of the months was saved by someone else meanwhile); <c>EducationIsNotRecharged</c>.
    /// </exception>
    public async Task<RechargeOutcome> RunAsync(YearMonth month, IReadOnlyList<Partner> partners, string preparedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partners);
        var today = clock.GetCurrentInstant().InZone(London).Date;
        var periods = partners.Distinct().Select(p => (Partner: p, Period: schedule.PeriodContaining(p, month))).ToList();
        var notOver = periods.Where(p => p.Period.End >= today).ToList();
        if (periods.Count > 0 && notOver.Count == periods.Count)
            throw new DomainRuleException("PeriodNotOver", string.Join(" ", notOver.Select(p => NotOverYet(p.Partner, p.Period))));

        var statements = new List<RechargeStatement>();
        var notes = new List<string>();
        foreach (var group in periods.Except(notOver).GroupBy(p => p.Period))
        {
            var period = group.Key;
            List<PaidShare>? shares = null;
            foreach (var (partner, _) in group)
            {
                var recharged = await finance.RechargeStatements.AsNoTracking()
                    .Where(s => s.Partner == partner && s.PeriodStart <= period.End && s.PeriodEnd >= period.Start).ToListAsync(cancellationToken);
                if (recharged.Any(s => s.PeriodStart == period.Start && s.PeriodEnd == period.End))
                {
                    notes.Add($"{CostSplit.PartnerName(partner)} already recharged for {Describe(period)}.");
                    continue;
                }
                if (recharged.FirstOrDefault() is { } overlapping)
                    throw new DomainRuleException("PeriodOverlapsStatement",
                        $"{CostSplit.PartnerName(partner)} is recharged {RechargeSchedule.Describe(schedule.For(partner))}, but {overlapping.Reference} already recharged " +
                        $"{Describe(new DateInterval(overlapping.PeriodStart, overlapping.PeriodEnd))}, which overlaps {Describe(period)}: nothing was prepared. " +
                        "A partner's frequency changes from the start of a quarter.");
                shares ??= await SharesAsync(period, cancellationToken);
                var lines = shares.Where(s => s.Share.Partner == partner && !s.Share.Amount.IsZero)
                    .Select(s => new RechargeLine(s.Share.Paid.PlacementId, s.Share.Paid.PlacementReference, s.Initials, s.Share.Paid.Description, s.Share.Days,
                        s.PiecePaid, s.Share.Split, s.Share.Amount, s.S251Line))
                    .ToList();
                statements.Add(new RechargeStatement(partner, period, preparedBy, clock.GetCurrentInstant(), today.PlusDays(30), lines));
            }
        }
        finance.RechargeStatements.AddRange(statements);
        try
        {
            await finance.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone prepared a statement for one of these months between our check and our save: each month is unique
            // per partner in the database, so nothing of ours was written and nothing is recharged twice.
            finance.ChangeTracker.Clear();
            throw new DomainRuleException("PeriodOverlapsStatement",
                $"Another preparation recharged {string.Join(" and ", statements.Select(st => CostSplit.PartnerName(st.Partner)).Distinct())} " +
                "for some of the same months at the same moment: nothing was prepared. Look at the statements, and prepare again if a period is still missing.");
        }
        return new(statements, [.. notes, .. notOver.Select(p => NotOverYet(p.Partner, p.Period))]);
    }

    private string NotOverYet(Partner partner, DateInterval period) =>
        $"{CostSplit.PartnerName(partner)} is recharged {RechargeSchedule.Describe(schedule.For(partner))}: {Describe(period)} can be recharged from {period.End.PlusDays(1):d MMMM yyyy}.";

    private static string Describe(DateInterval period) =>
        period.Start.Month == period.End.Month ? $"{period.Start:MMMM yyyy}" : $"{period.Start:MMMM} – {period.End:MMMM yyyy}";

    private sealed record PaidShare(RechargeShare Share, Money PiecePaid, string Initials, string S251Line);

    /// <summary>Every partner's share of what runs approved in the period paid for jointly funded placements.</summary>
    private async Task<List<PaidShare>> SharesAsync(DateInterval period, CancellationToken cancellationToken)
    {
        var decisions = (await finance.PanelDecisions.AsNoTracking().ToListAsync(cancellationToken)).GroupBy(d => d.PlacementId)
            .ToDictionary(g => g.Key, g => PanelDecision.SplitsInForce(g));
        var joint = decisions.Where(d => d.Value.Count > 0).Select(d => d.Key).ToList();
        if (joint.Count == 0) return [];
        var (from, to) = (period.Start.AtStartOfDayInZone(London).ToInstant(), period.End.PlusDays(1).AtStartOfDayInZone(London).ToInstant());
        var runs = (await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.IsApproved && r.ApprovedAt >= from && r.ApprovedAt < to).ToDictionary(r => r.Id, r => r.Month);
        var runIds = runs.Keys.ToList();
        var lines = await finance.PaymentLines.AsNoTracking()
            .Where(l => runIds.Contains(l.PaymentRunId) && joint.Contains(l.PlacementId) && l.HoldId == null && l.Kind != PaymentKind.Fee)
            .ToListAsync(cancellationToken);
        var fees = await (from p in finance.InvoicePayments.AsNoTracking()
                          where runIds.Contains(p.PaymentRunId) && joint.Contains(p.PlacementId)
                          join l in finance.InvoiceLines on p.InvoiceLineId equals l.Id
                          join i in finance.Invoices on l.InvoiceId equals i.Id
                          select new { p.PlacementId, l.PlacementReference, l.ChildInitials, l.PeriodStart, l.PeriodEnd, p.Amount, i.Number })
            .ToListAsync(cancellationToken);
        var dates = await commissioning.Placements.AsNoTracking().Where(p => joint.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Start }, cancellationToken);

        var paid = new List<(PaidForPlacement Paid, string Initials, string S251Line)>();
        foreach (var l in lines)
        {
            var month = runs[l.PaymentRunId];
            if ((l.ServiceDays ?? EarlierLinesDays(l, month, dates[l.PlacementId].Start)) is not { } days) continue;
            paid.Add((new PaidForPlacement(l.PlacementId, l.PlacementReference, days, l.Amount,
                l.Kind == PaymentKind.TopUp ? $"top-up {month:MMMM yyyy}" : $"adjustment {l.FinancialYear}: {l.Reason}"), l.ChildInitials, l.S251Line));
        }
        foreach (var f in fees)
        {
            paid.Add((new PaidForPlacement(f.PlacementId, f.PlacementReference, new DateInterval(f.PeriodStart, f.PeriodEnd), f.Amount, $"invoice {f.Number}"), f.ChildInitials, Payments.Calculation.FeeLines.S251Line));
        }

        var result = new List<PaidShare>();
        foreach (var (p, initials, line) in paid.OrderBy(p => p.Paid.PlacementReference, StringComparer.Ordinal).ThenBy(p => p.Paid.ServicePeriod.Start))
        {
            var shares = Recharges.For(p, decisions[p.PlacementId]);
            foreach (var piece in shares.GroupBy(s => s.Days))
            {
                var piecePaid = Money.Sum(piece.Select(s => s.Amount));
                result.AddRange(piece.Select(s => new PaidShare(s, piecePaid, initials, line)));
            }
        }
        return result;
    }

    /// <summary>
    /// The days a line posted before lines kept their service days (<see cref="PaymentLine.ServiceDays"/>) is taken to pay
    /// for: a top-up the run month, an adjustment the year's months through the run month, both from the placement's start
    /// and not cut at today's end date (the run paid on what it knew then, so a statement does not depend on when it is
    /// prepared).
    /// </summary>
    private static DateInterval? EarlierLinesDays(PaymentLine line, YearMonth month, LocalDate placementStart)
    {
        var monthEnd = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var start = line.Kind == PaymentKind.TopUp ? month.OnDayOfMonth(1) : line.FinancialYear.Start;
        var from = start > placementStart ? start : placementStart;
        var to = line.FinancialYear.End < monthEnd ? line.FinancialYear.End : monthEnd;
        return to < from ? null : new DateInterval(from, to);
    }
}

/// <summary>Records money a partner paid against a recharge statement.</summary>
public sealed class RecordRechargeReceipt(FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><c>StatementNotFound</c>, <c>ReceiptMustBePositive</c>.</exception>
    public async Task<RechargeStatement> RunAsync(int statementId, Money amount, LocalDate receivedOn, string recordedBy, CancellationToken cancellationToken = default)
    {
        var statement = await finance.RechargeStatements.Include(s => s.Receipts).SingleOrDefaultAsync(s => s.Id == statementId, cancellationToken)
            ?? throw new DomainRuleException("StatementNotFound", "There is no such recharge statement.");
        statement.Receive(amount, receivedOn, recordedBy, clock.GetCurrentInstant());
        await finance.SaveChangesAsync(cancellationToken);
        return statement;
    }
}

/// <summary>
/// The daily review check: flags each decided case whose decision in force has a review date that has passed, and clears
/// the flag when a new decision has been made. Idempotent.
/// </summary>
public sealed class CheckPanelReviews(FinanceDb finance)
{
    /// <returns>How many cases are overdue for review, and how many flags changed.</returns>
    public async Task<(int Overdue, int Changed)> RunAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        var referrals = await finance.Referrals.Where(r => r.Status == ReferralStatus.Decided).ToListAsync(cancellationToken);
        var decisions = (await finance.PanelDecisions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.ReferralId);
        var (overdue, changed) = (0, 0);
        foreach (var referral in referrals)
        {
            var inForce = decisions[referral.Id].Where(d => d.Outcome != PanelOutcome.Defer).OrderBy(d => d.EffectiveFrom).ThenBy(d => d.DecidedAt).LastOrDefault();
            LocalDate? since = inForce is { Approves: true, ReviewDate: { } review } && review < today ? review : null;
            if (since is not null) overdue++;
            if (referral.ReviewOverdueSince == since) continue;
            referral.FlagReview(since);
            changed++;
        }
        await finance.SaveChangesAsync(cancellationToken);
        return (overdue, changed);
    }
}
