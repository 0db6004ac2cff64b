#pragma warning disable CS9113 // STUB: remove with the implementation
using NodaTime;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>What a deadline check found.</summary>
public sealed record DeadlineCheckOutcome(LocalDate Today, int DueSoon, int Overdue, int Changed);

/// <summary>
/// The daily check (a Quartz job at 07:00): flags every invoice not yet paid in full as <c>DueSoon</c> (due within
/// <see cref="InvoiceSettings.DueSoonDays"/>) or <c>Overdue</c> (past its due date), and clears the flag of one paid.
/// Idempotent: running it twice on a day changes nothing the second time.
/// </summary>
public sealed class CheckInvoiceDeadlines(FinanceDb finance, InvoiceSettings settings)
{
    public Task<DeadlineCheckOutcome> RunAsync(LocalDate today, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
