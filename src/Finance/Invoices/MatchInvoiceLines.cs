#pragma warning disable CS9113 // STUB: remove with the implementation
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>
/// Matches open invoice lines (Unmatched, Queried by the matcher, ReadyToApprove) to their placement's agreement and
/// period: expected = <see cref="Agreements.Calculation.ExpectedAmount"/>, net invoiced = invoiced + credit note lines
/// against it, status from <see cref="Calculation.InvoiceMatch"/>. A query an officer raised by hand is kept. Loads
/// agreements, placements and the calendar once (set-based): 50,000 lines in well under 5 s (benchmark).
/// Run after recording, after a credit note, and after an agreement's fee or extras change.
/// </summary>
public sealed class MatchInvoiceLines(CommissioningDb commissioning, FinanceDb finance, InvoiceSettings settings)
{
    /// <param name="placementIds">Only these placements' open lines; null: every open line.</param>
    /// <returns>How many lines were (re)matched.</returns>
    public Task<int> MatchAsync(IReadOnlyCollection<int>? placementIds = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
