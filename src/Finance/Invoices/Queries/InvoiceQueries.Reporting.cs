using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Invoices.Calculation;
using Placements.Finance.Payments;

namespace Placements.Finance.Invoices.Queries;

/// <summary>Reporting rows and the notes of what could not be worked out (e.g. a late invoice with no base rate to price it).</summary>
/// <param name="Notes">One sentence per invoice whose interest liable could not be worked out (counted as £0.00).</param>
public sealed record InvoiceReporting(IReadOnlyList<InvoiceForReporting> Invoices, IReadOnlyList<string> Notes);

/// <summary>The aged-invoices view, the provider statement and the rows payment-performance reporting reads.</summary>
public sealed partial class InvoiceQueries
{
    /// <summary>
    /// Unpaid invoices by provider, aged from receipt to <paramref name="today"/> in the four buckets 0–10, 11–20, 21–30
    /// and over 30 days. A line is outstanding while it is open (awaiting match or decision: its net invoiced) or approved
    /// but not yet paid (its approved amount); rejected lines and credits already netted off an open line
    /// (<see cref="InvoiceLineStatus.AppliedToInvoice"/>) owe nothing.
    /// </summary>
    public async Task<IReadOnlyList<AgedInvoicesRow>> AgedAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        var lines = await AgedLinesAsync(cancellationToken);
        var applied = await AppliedCreditsByLineAsync(lines.Select(l => l.Line.Id).ToList(), cancellationToken);
        var names = await ProviderNamesByIdAsync(lines.Select(l => l.ProviderId).Distinct().ToList(), cancellationToken);
        return lines
            .GroupBy(l => l.ProviderId)
            .Select(provider =>
            {
                Money[] buckets = [Money.Zero, Money.Zero, Money.Zero, Money.Zero];
                foreach (var l in provider)
                    buckets[AgeBucket(Period.DaysBetween(l.ReceivedOn, today))] += OutstandingOf(l.Line, applied);
                var first = provider.First();
                return new AgedInvoicesRow(first.ProviderReference, names.GetValueOrDefault(first.ProviderId, first.ProviderReference),
                    buckets[0], buckets[1], buckets[2], buckets[3], Money.Sum(buckets), provider.Select(l => l.InvoiceId).Distinct().Count());
            })
            .OrderByDescending(r => r.Over30Days).ThenByDescending(r => r.Total).ThenBy(r => r.ProviderName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>0: 0–10 days (and anything dated after today), 1: 11–20, 2: 21–30, 3: over 30.</summary>
    public static int AgeBucket(int days) => days switch { <= 10 => 0, <= 20 => 1, <= 30 => 2, _ => 3 };

    /// <returns>Null when there is no such provider.</returns>
    public async Task<ProviderStatement?> StatementAsync(string providerReference, FinancialYear year, CancellationToken cancellationToken = default)
    {
        var provider = await commissioning.Providers.AsNoTracking().Where(p => p.Reference == providerReference)
            .Select(p => new { p.Id, p.Reference, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (provider is null) return null;

        var invoices = await finance.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.ProviderId == provider.Id)
            .ToListAsync(cancellationToken);
        var lines = invoices.SelectMany(i => i.Lines).ToList();
        var applied = AppliedCreditsAmong(lines);
        var inYear = lines.Where(l => year.Contains(l.PeriodStart)).ToList();

        var placements = await (
                from p in commissioning.Placements.AsNoTracking()
                where p.ProviderId == provider.Id && p.Status != PlacementStatus.Proposed
                join c in commissioning.Children on p.ChildId equals c.Id
                select new { p.Id, p.Reference, p.Start, p.End, p.Attendance, Child = c.Reference, c.GivenName, c.FamilyName })
            .ToListAsync(cancellationToken);
        var invoicedPlacements = inYear.Select(l => l.PlacementId).ToHashSet();
        placements = placements.Where(p => invoicedPlacements.Contains(p.Id) || (p.Start <= year.End && (p.End is null || p.End >= year.Start))).ToList();
        var placementIds = placements.Select(p => p.Id).ToList();
        var agreements = await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras)
            .Where(a => placementIds.Contains(a.PlacementId)).ToDictionaryAsync(a => a.PlacementId, cancellationToken);
        var calendar = agreements.Count == 0 ? TermCalendar.Empty : await TermCalendarAsync(cancellationToken);

        var statementLines = placements
            .Select(p =>
            {
                var agreed = agreements.TryGetValue(p.Id, out var agreement)
                    ? AgreedInYear(agreement.ToTerms(p.Start, p.End, p.Attendance), year, calendar)
                    : Money.Zero;
                var own = inYear.Where(l => l.PlacementId == p.Id).ToList();
                return StatementFigures(p.Reference, p.Child, PaymentRunInputs.Initials(p.GivenName, p.FamilyName), agreed, own, applied);
            })
            .OrderBy(l => l.PlacementReference, StringComparer.Ordinal)
            .ToList();
        var totals = new StatementLine("Total", "", "",
            Money.Sum(statementLines.Select(l => l.Agreed)), Money.Sum(statementLines.Select(l => l.Invoiced)),
            Money.Sum(statementLines.Select(l => l.Approved)), Money.Sum(statementLines.Select(l => l.Paid)),
            Money.Sum(statementLines.Select(l => l.Outstanding)));

        var summaries = invoices
            .Where(i => year.Contains(i.ReceivedOn) || i.Lines.Any(l => year.Contains(l.PeriodStart)))
            .OrderByDescending(i => i.ReceivedOn).ThenByDescending(i => i.Id)
            .Select(i => StatementSummary(i, provider.Name))
            .ToList();
        return new ProviderStatement(provider.Reference, provider.Name, year, statementLines, totals, summaries);
    }

    /// <summary>Every invoice as reporting reads it, with its interest liable computed from the base-rate table.</summary>
    public async Task<IReadOnlyList<InvoiceForReporting>> ForReportingAsync(CancellationToken cancellationToken = default) =>
        (await ReportingAsync(cancellationToken)).Invoices;

    /// <summary>
    /// <see cref="ForReportingAsync"/> with a note for each late invoice the base-rate table cannot price (its interest
    /// liable is counted as £0.00 rather than the report failing), so the page can say what is missing.
    /// </summary>
    public async Task<InvoiceReporting> ReportingAsync(CancellationToken cancellationToken = default)
    {
        var invoices = await finance.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.Kind == InvoiceKind.Invoice)
            .ToListAsync(cancellationToken);
        var lineIds = invoices.SelectMany(i => i.Lines).Select(l => l.Id).ToList();
        var applied = await AppliedCreditsByLineAsync(lineIds, cancellationToken);
        var names = await ProviderNamesByIdAsync(invoices.Select(i => i.ProviderId).Distinct().ToList(), cancellationToken);
        var rates = (await finance.BaseRates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.EffectiveFrom).Select(r => new BaseRateRow(r.EffectiveFrom, r.BasisPoints)).ToList();
        var notes = new List<string>();
        var rows = invoices.OrderBy(i => i.ReceivedOn).ThenBy(i => i.Id).Select(invoice =>
        {
            var amount = Money.Sum(invoice.Lines.Select(l => l.Amount + applied.GetValueOrDefault(l.Id, Money.Zero)));
            var paidOn = PaidInFullOn(invoice.Lines);
            var disputed = invoice.Lines.Any(l => l.Status is InvoiceLineStatus.Queried or InvoiceLineStatus.PartlyApproved or InvoiceLineStatus.Rejected);
            var liable = Money.Zero;
            if (paidOn is { } paid && paid > invoice.DueOn)
            {
                try
                {
                    liable = LatePaymentInterest.For(amount, invoice.DueOn, paid, rates).Total;
                }
                catch (DomainRuleException missing)
                {
                    notes.Add($"{invoice.ProviderReference} invoice {invoice.Number} was paid late but its interest could not be worked out: {missing.Message}");
                }
            }
            var name = names.GetValueOrDefault(invoice.ProviderId, invoice.ProviderReference);
            return new InvoiceForReporting(invoice.Id, invoice.ProviderReference, name, invoice.Number, invoice.ReceivedOn, invoice.DueOn,
                paidOn, amount, disputed, invoice.InterestPaid ?? Money.Zero, liable);
        }).ToList();
        return new InvoiceReporting(rows, notes);
    }

    private sealed record AgedLine(InvoiceLine Line, int InvoiceId, int ProviderId, string ProviderReference, LocalDate ReceivedOn);

    private Task<List<AgedLine>> AgedLinesAsync(CancellationToken cancellationToken) => (
            from l in finance.InvoiceLines.AsNoTracking()
            where l.PaidOn == null
                  && (l.Status == InvoiceLineStatus.Unmatched || l.Status == InvoiceLineStatus.Queried || l.Status == InvoiceLineStatus.ReadyToApprove
                      || l.Status == InvoiceLineStatus.Approved || l.Status == InvoiceLineStatus.PartlyApproved)
            join i in finance.Invoices on l.InvoiceId equals i.Id
            select new AgedLine(l, i.Id, i.ProviderId, i.ProviderReference, i.ReceivedOn))
        .ToListAsync(cancellationToken);

    /// <summary>Open lines owe their net invoiced (as invoiced plus credits applied); approved ones what was approved.</summary>
    private static Money OutstandingOf(InvoiceLine line, IReadOnlyDictionary<long, Money> applied) =>
        line.IsOpen ? line.Amount + applied.GetValueOrDefault(line.Id, Money.Zero) : line.ApprovedAmount ?? Money.Zero;

    private static bool IsApprovedLine(InvoiceLine line) => line.Status is InvoiceLineStatus.Approved or InvoiceLineStatus.PartlyApproved;

    /// <summary>The last payment date when every approved line is paid; null while any is unpaid or none is approved.</summary>
    private static LocalDate? PaidInFullOn(IEnumerable<InvoiceLine> lines)
    {
        var approved = lines.Where(IsApprovedLine).ToList();
        return approved.Count > 0 && approved.All(l => l.PaidOn is not null) ? approved.Max(l => l.PaidOn) : null;
    }

    /// <summary>Credit note lines netted off open lines, by the line they credit (negative sums).</summary>
    private async Task<IReadOnlyDictionary<long, Money>> AppliedCreditsByLineAsync(IReadOnlyCollection<long> lineIds, CancellationToken cancellationToken)
    {
        if (lineIds.Count == 0) return new Dictionary<long, Money>();
        var credits = await finance.InvoiceLines.AsNoTracking()
            .Where(l => l.Status == InvoiceLineStatus.AppliedToInvoice && l.CreditsLineId != null)
            .Select(l => new { Credits = l.CreditsLineId!.Value, l.Amount })
            .ToListAsync(cancellationToken);
        var wanted = lineIds.ToHashSet();
        return credits.Where(c => wanted.Contains(c.Credits)).GroupBy(c => c.Credits)
            .ToDictionary(g => g.Key, g => Money.Sum(g.Select(c => c.Amount)));
    }

    private static Dictionary<long, Money> AppliedCreditsAmong(IEnumerable<InvoiceLine> lines) =>
        lines.Where(l => l.Status == InvoiceLineStatus.AppliedToInvoice && l.CreditsLineId is not null)
            .GroupBy(l => l.CreditsLineId!.Value).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));

    private async Task<Dictionary<int, string>> ProviderNamesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await commissioning.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private async Task<TermCalendar> TermCalendarAsync(CancellationToken cancellationToken) => new(
        await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
        await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>
    /// The agreement's expected amount for the part of the year the placement runs and a fee is in force (0 when none):
    /// a placement starting before its first recorded fee is agreed only from that fee.
    /// </summary>
    private static Money AgreedInYear(AgreementTerms terms, FinancialYear year, TermCalendar calendar)
    {
        if (terms.Fees.Count == 0) return Money.Zero;
        var start = Later(Later(year.Start, terms.PlacementStart), terms.Fees.Min(f => f.EffectiveFrom));
        var end = terms.PlacementEnd is { } e && e < year.End ? e : year.End;
        if (end < start) return Money.Zero;
        try
        {
            return ExpectedAmount.For(terms, new DateInterval(start, end), calendar).Total;
        }
        catch (DomainRuleException)
        {
            return Money.Zero; // e.g. a termly agreement in a year without term dates: nothing can be said to be agreed
        }
    }

    private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;

    /// <summary>One placement's figures from its lines whose periods start in the year.</summary>
    private static StatementLine StatementFigures(string placement, string child, string initials, Money agreed, IReadOnlyList<InvoiceLine> lines,
        IReadOnlyDictionary<long, Money> applied)
    {
        var approved = lines.Where(IsApprovedLine).ToList();
        var approvedTotal = Money.Sum(approved.Select(l => l.ApprovedAmount ?? Money.Zero));
        var paid = Money.Sum(approved.Where(l => l.PaidOn is not null).Select(l => l.ApprovedAmount ?? Money.Zero));
        var open = Money.Sum(lines.Where(l => l.IsOpen).Select(l => l.Amount + applied.GetValueOrDefault(l.Id, Money.Zero)));
        return new StatementLine(placement, child, initials, agreed, Money.Sum(lines.Select(l => l.Amount)), approvedTotal, paid,
            approvedTotal - paid + open);
    }

    /// <summary>An invoice in a list, its state read from its lines.</summary>
    private static InvoiceSummary StatementSummary(Invoice invoice, string providerName)
    {
        var lines = invoice.Lines;
        var expected = lines.Count > 0 && lines.All(l => l.Expected is not null) ? Money.Sum(lines.Select(l => l.Expected!.Value)) : (Money?)null;
        return new InvoiceSummary(invoice.Id, invoice.ProviderReference, providerName, invoice.Number, invoice.Kind, invoice.InvoiceDate,
            invoice.ReceivedOn, invoice.DueOn, invoice.Total, expected, lines.Count, StatementState(lines), invoice.RecordedBy, invoice.DeadlineFlag,
            PaidInFullOn(lines));
    }

    /// <summary>To match, queried, to approve (in that order of urgency), else rejected, paid (or, for an applied credit note, settled) or awaiting payment.</summary>
    private static InvoiceState StatementState(IReadOnlyList<InvoiceLine> lines)
    {
        if (lines.Any(l => l.Status == InvoiceLineStatus.Unmatched)) return InvoiceState.ToMatch;
        if (lines.Any(l => l.Status == InvoiceLineStatus.Queried)) return InvoiceState.Queried;
        if (lines.Any(l => l.Status == InvoiceLineStatus.ReadyToApprove)) return InvoiceState.ToApprove;
        var approved = lines.Where(IsApprovedLine).ToList();
        // A credit note netted off open lines is settled by that alone: nothing is paid or recovered on it.
        if (approved.Count == 0) return lines.Any(l => l.Status == InvoiceLineStatus.AppliedToInvoice) ? InvoiceState.Paid : InvoiceState.Rejected;
        return approved.All(l => l.PaidOn is not null) ? InvoiceState.Paid : InvoiceState.AwaitingPayment;
    }
}
