using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>What a deadline check found.</summary>
/// <param name="Changed">Invoices whose flag changed (set, moved from due soon to overdue, or cleared).</param>
public sealed record DeadlineCheckOutcome(LocalDate Today, int DueSoon, int Overdue, int Changed);

/// <summary>
/// The daily check (a Quartz job at 07:00): flags every invoice not yet paid in full as <c>DueSoon</c> (due within
/// <see cref="InvoiceSettings.DueSoonDays"/>) or <c>Overdue</c> (past its due date), and clears the flag of one paid.
/// Idempotent: running it twice on a day changes nothing the second time.
/// </summary>
/// <remarks>
/// Set-based: one projection reads what each candidate invoice owes and its flag; only the invoices whose flag changes are
/// loaded and saved (each change audited); the others' <see cref="Invoice.DeadlineCheckedOn"/> moves on in one UPDATE,
/// unaudited, because the date the check last looked changes nothing about money.
/// </remarks>
public sealed class CheckInvoiceDeadlines(FinanceDb finance, InvoiceSettings settings)
{
    public const string DueSoon = "DueSoon";
    public const string Overdue = "Overdue";

    private const int LoadBatch = 500;

    /// <summary>
    /// Not yet paid in full: a line still to pay (open, approved or partly approved) with no payment. Rejected lines are
    /// closed, and a credit applied to an open line is netted off that line, so neither keeps an invoice unpaid.
    /// </summary>
    private static readonly Expression<Func<Invoice, bool>> Unpaid = i => i.Lines.Any(l =>
        l.Status != InvoiceLineStatus.Rejected && l.Status != InvoiceLineStatus.AppliedToInvoice && l.PaidOn == null);

    private static readonly Expression<Func<Invoice, bool>> Paid = i => !i.Lines.Any(l =>
        l.Status != InvoiceLineStatus.Rejected && l.Status != InvoiceLineStatus.AppliedToInvoice && l.PaidOn == null);

    public async Task<DeadlineCheckOutcome> RunAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        var invoices = finance.Invoices.Where(i => i.Kind == InvoiceKind.Invoice);
        var unpaid = await invoices.Where(Unpaid).Select(i => new { i.Id, i.DueOn, i.DeadlineFlag }).ToListAsync(cancellationToken);
        var flaggedButPaid = await invoices.Where(i => i.DeadlineFlag != null).Where(Paid).Select(i => i.Id).ToListAsync(cancellationToken);

        var dueSoonBy = today.PlusDays(settings.DueSoonDays);
        var found = unpaid.Select(i => (i.Id, Flag: i.DueOn < today ? Overdue : i.DueOn <= dueSoonBy ? DueSoon : null, i.DeadlineFlag)).ToList();
        var flags = found.Where(f => f.Flag != f.DeadlineFlag).ToDictionary(f => f.Id, f => f.Flag);
        foreach (var id in flaggedButPaid) flags[id] = null;

        await using var transaction = await finance.Database.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var batch in flags.Keys.Chunk(LoadBatch))
        {
            var loaded = await finance.Invoices.Where(i => batch.Contains(i.Id)).ToListAsync(cancellationToken);
            changed += loaded.Count(i => i.Flag(flags[i.Id], today));
            await finance.SaveChangesAsync(cancellationToken);
        }
        // Every other unpaid invoice (and any never checked) was looked at today and found unchanged. A paid invoice with a
        // clear flag keeps the date of its last check.
        await invoices.Where(i => i.DeadlineCheckedOn == null || i.DeadlineCheckedOn != today)
            .Where(i => i.DeadlineCheckedOn == null || i.Lines.Any(l =>
                l.Status != InvoiceLineStatus.Rejected && l.Status != InvoiceLineStatus.AppliedToInvoice && l.PaidOn == null))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DeadlineCheckedOn, today), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new DeadlineCheckOutcome(today, found.Count(f => f.Flag == DueSoon), found.Count(f => f.Flag == Overdue), changed);
    }
}
