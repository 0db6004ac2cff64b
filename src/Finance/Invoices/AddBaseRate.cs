using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>
/// Adds a Bank of England base rate from a date to the dated table late-payment interest reads. Rows are added, never
/// edited: a rate once used for a debt's interest must stay as it was.
/// </summary>
public sealed class AddBaseRate(FinanceDb finance)
{
    /// <summary>The highest rate accepted (as a guard against typing 425 for 4.25%): 25%.</summary>
    public const int MaxBasisPoints = 2_500;

    /// <exception cref="DomainRuleException"><c>BaseRateOutOfRange</c>, <c>BaseRateAlreadyRecordedForDate</c>.</exception>
    public async Task<BaseRate> AddAsync(LocalDate effectiveFrom, int basisPoints, CancellationToken cancellationToken = default)
    {
        if (basisPoints is < 0 or > MaxBasisPoints)
            throw new DomainRuleException("BaseRateOutOfRange", "Give the base rate as a percentage between 0 and 25, like 4.25.");
        if (await finance.BaseRates.AnyAsync(r => r.EffectiveFrom == effectiveFrom, cancellationToken))
            throw new DomainRuleException("BaseRateAlreadyRecordedForDate", $"A base rate from {effectiveFrom:d MMMM uuuu} is already recorded.");
        var rate = new BaseRate(effectiveFrom, basisPoints);
        finance.BaseRates.Add(rate);
        await finance.SaveChangesAsync(cancellationToken);
        return rate;
    }
}
