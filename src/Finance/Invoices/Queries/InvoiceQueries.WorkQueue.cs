using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Invoices.Calculation;

namespace Placements.Finance.Invoices.Queries;

/// <summary>The finance officer's work queue and an invoice's detail page.</summary>
public sealed partial class InvoiceQueries
{
    /// <summary>A paid invoice stays on the work queue's "recently paid" tab this many days after it was paid.</summary>
    public const int RecentlyPaidDays = 30;

    /// <summary>
    /// Every invoice still needing someone (to match, queried, to approve), the unpaid ones falling due or overdue, and those
    /// paid in the last <see cref="RecentlyPaidDays"/> days. Due soon / overdue come from the daily deadline check's flag and,
    /// so the page is right before the check has run today, from the due date against <paramref name="today"/>.
    /// </summary>
    public async Task<InvoiceWorkQueue> WorkQueueAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        var paidSince = today.PlusDays(-RecentlyPaidDays);
        // Only invoices with a line not yet paid, or paid recently: the queue does not grow with years of history.
        var invoices = await finance.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.Lines.Any(l => l.PaidOn == null || l.PaidOn >= paidSince))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var names = await ProviderNamesAsync(invoices.Select(i => i.ProviderId), cancellationToken);
        var summaries = invoices.Select(i => Summarise(i, names)).ToList();

        bool Unpaid(InvoiceSummary s) => s.Kind == InvoiceKind.Invoice && s.State is not (InvoiceState.Paid or InvoiceState.Rejected);
        bool Overdue(InvoiceSummary s) => Unpaid(s) && (s.DueOn < today || s.DeadlineFlag == "Overdue");
        bool DueSoon(InvoiceSummary s) => Unpaid(s) && !Overdue(s) && (s.DueOn <= today.PlusDays(settings.DueSoonDays) || s.DeadlineFlag == "DueSoon");

        return new InvoiceWorkQueue(
            summaries.Where(s => s.State == InvoiceState.ToMatch).ToList(),
            summaries.Where(s => s.State == InvoiceState.Queried).ToList(),
            summaries.Where(s => s.State == InvoiceState.ToApprove).ToList(),
            summaries.Where(DueSoon).ToList(),
            summaries.Where(Overdue).ToList(),
            summaries.Where(s => s.State == InvoiceState.Paid && s.PaidOn >= paidSince)
                .OrderByDescending(s => s.PaidOn).ThenByDescending(s => s.Id).ToList());
    }

    /// <summary>
    /// One invoice with its lines (each with how its expected amount was worked out, recomputed from the agreement for
    /// display, and its tolerance), the agreements of its placements, its credit notes, the invoice it credits, and what
    /// paying it late costs (interest to the day it was paid, or to <paramref name="today"/> while unpaid).
    /// </summary>
    /// <returns>Null when there is no such invoice.</returns>
    public async Task<InvoiceDetail?> DetailAsync(int invoiceId, LocalDate today, CancellationToken cancellationToken = default)
    {
        var invoice = await finance.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return null;
        var creditNotes = await finance.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.CreditsInvoiceId == invoiceId).OrderBy(i => i.ReceivedOn).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var credits = invoice.CreditsInvoiceId is { } creditedId
            ? await finance.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == creditedId, cancellationToken)
            : null;
        var names = await ProviderNamesAsync([invoice.ProviderId], cancellationToken);

        var placementIds = invoice.Lines.Select(l => l.PlacementId).Distinct().ToList();
        var agreements = await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras)
            .Where(a => placementIds.Contains(a.PlacementId)).ToListAsync(cancellationToken);
        var placements = await commissioning.Placements.AsNoTracking().Where(p => placementIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Start, p.End, p.Attendance }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var calendar = agreements.Count == 0
            ? TermCalendar.Empty
            : new TermCalendar(
                await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
                await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));

        var byPlacement = agreements.ToDictionary(a => a.PlacementId);
        var lines = invoice.Lines.OrderBy(l => l.LineNumber).Select(line =>
        {
            string? basis = null;
            if (byPlacement.TryGetValue(line.PlacementId, out var agreement) && placements.TryGetValue(line.PlacementId, out var placement))
                basis = ExpectedBasis(agreement.ToTerms(placement.Start, placement.End, placement.Attendance), line, calendar);
            var tolerance = line.Expected is { } expected ? InvoiceMatch.Allowed(expected, settings.Tolerance) : (Money?)null;
            return new InvoiceLineView(line, basis, tolerance);
        }).ToList();

        var state = StateOf(invoice.Lines);
        var paidOn = PaidOn(invoice.Lines, state);
        var lateCharge = await LateChargeAsync(invoice, state, paidOn, today, cancellationToken);
        return new InvoiceDetail(invoice, names.GetValueOrDefault(invoice.ProviderId, invoice.ProviderReference), state, lines,
            agreements.ToDictionary(a => a.PlacementReference, StringComparer.Ordinal), creditNotes, credits, lateCharge, paidOn);
    }

    /// <summary>
    /// Where an invoice stands from its lines: any unmatched → to match; else any queried → queried; else any ready → to
    /// approve; else every line (leaving aside credit lines applied to an open line) rejected → rejected; else every approved
    /// line paid → paid; else awaiting payment.
    /// </summary>
    public static InvoiceState StateOf(IReadOnlyCollection<InvoiceLine> lines)
    {
        if (lines.Any(l => l.Status == InvoiceLineStatus.Unmatched)) return InvoiceState.ToMatch;
        if (lines.Any(l => l.Status == InvoiceLineStatus.Queried)) return InvoiceState.Queried;
        if (lines.Any(l => l.Status == InvoiceLineStatus.ReadyToApprove)) return InvoiceState.ToApprove;
        var decided = lines.Where(l => l.Status != InvoiceLineStatus.AppliedToInvoice).ToList();
        if (decided.Count > 0 && decided.All(l => l.Status == InvoiceLineStatus.Rejected)) return InvoiceState.Rejected;
        return Approved(lines).All(l => l.PaidOn is not null) ? InvoiceState.Paid : InvoiceState.AwaitingPayment;
    }

    private static IEnumerable<InvoiceLine> Approved(IEnumerable<InvoiceLine> lines) =>
        lines.Where(l => l.Status is InvoiceLineStatus.Approved or InvoiceLineStatus.PartlyApproved);

    /// <summary>When a paid invoice was paid in full: the day its last approved line's run was approved.</summary>
    private static LocalDate? PaidOn(IReadOnlyCollection<InvoiceLine> lines, InvoiceState state) =>
        state == InvoiceState.Paid ? Approved(lines).Select(l => l.PaidOn).Max() : null;

    private static InvoiceSummary Summarise(Invoice invoice, IReadOnlyDictionary<int, string> names)
    {
        var state = StateOf(invoice.Lines);
        // An expected total is only meaningful when every line has been matched to an agreement.
        Money? expected = invoice.Lines.Count > 0 && invoice.Lines.All(l => l.Expected is not null)
            ? Money.Sum(invoice.Lines.Select(l => l.Expected!.Value))
            : null;
        return new InvoiceSummary(invoice.Id, invoice.ProviderReference, names.GetValueOrDefault(invoice.ProviderId, invoice.ProviderReference),
            invoice.Number, invoice.Kind, invoice.InvoiceDate, invoice.ReceivedOn, invoice.DueOn, invoice.Total, expected, invoice.Lines.Count,
            state, invoice.RecordedBy, invoice.DeadlineFlag, PaidOn(invoice.Lines, state));
    }

    private async Task<Dictionary<int, string>> ProviderNamesAsync(IEnumerable<int> providerIds, CancellationToken cancellationToken)
    {
        var ids = providerIds.Distinct().ToList();
        return await commissioning.Providers.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }

    /// <summary>The agreement's basis sentence for the line's period, or why there is none (e.g. no fee in force).</summary>
    private static string ExpectedBasis(AgreementTerms terms, InvoiceLine line, TermCalendar calendar)
    {
        try
        {
            return ExpectedAmount.For(terms, new DateInterval(line.PeriodStart, line.PeriodEnd), calendar).Basis;
        }
        catch (DomainRuleException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>
    /// Statutory interest and compensation on what is owed (approved, or invoiced while undecided; rejected lines owe nothing)
    /// when it is paid, or would be paid today, after its due date. Null when on time, for a credit note, or when nothing is owed.
    /// </summary>
    private async Task<LateCharge?> LateChargeAsync(Invoice invoice, InvoiceState state, LocalDate? paidOn, LocalDate today, CancellationToken cancellationToken)
    {
        var settledOn = paidOn ?? today;
        if (invoice.Kind != InvoiceKind.Invoice || state == InvoiceState.Rejected || settledOn <= invoice.DueOn) return null;
        var debt = Money.Sum(invoice.Lines
            .Where(l => l.Status is not (InvoiceLineStatus.Rejected or InvoiceLineStatus.AppliedToInvoice))
            .Select(l => l.ApprovedAmount ?? l.NetInvoiced));
        if (debt.IsNegative || debt.IsZero) return null;
        var rates = await finance.BaseRates.AsNoTracking().OrderBy(r => r.EffectiveFrom)
            .Select(r => new BaseRateRow(r.EffectiveFrom, r.BasisPoints)).ToListAsync(cancellationToken);
        try
        {
            return LatePaymentInterest.For(debt, invoice.DueOn, settledOn, rates);
        }
        catch (DomainRuleException)
        {
            return null; // no base rate recorded for the reference date: the page says the table needs it
        }
    }
}
