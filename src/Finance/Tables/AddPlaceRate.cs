using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Tables;

/// <summary>Adds a dated place-funding rate for a provision type. A rate already set for that type and date is refused.</summary>
public sealed class AddPlaceRate(FinanceDb db)
{
    /// <exception cref="DomainRuleException"><see cref="FundingTableRules.RateMustNotBeNegative"/>, <see cref="FundingTableRules.PlaceRateAlreadyExists"/>.</exception>
    public async Task<PlaceRate> ExecuteAsync(ProvisionType type, LocalDate effectiveFrom, Money occupiedRate, Money? unoccupiedRate, CancellationToken cancellationToken = default)
    {
        if (occupiedRate.IsNegative || unoccupiedRate is { IsNegative: true })
            throw new DomainRuleException(FundingTableRules.RateMustNotBeNegative, "A place funding rate cannot be negative.");
        if (await db.PlaceRates.AnyAsync(r => r.ProvisionType == type && r.EffectiveFrom == effectiveFrom, cancellationToken))
            throw new DomainRuleException(FundingTableRules.PlaceRateAlreadyExists,
                string.Create(CultureInfo.InvariantCulture, $"A place rate for {type.Describe()} from {effectiveFrom:d MMMM yyyy} already exists. Rates are never changed: add a rate with a later effective-from date instead."));
        var rate = new PlaceRate(type, effectiveFrom, occupiedRate, unoccupiedRate);
        db.PlaceRates.Add(rate);
        await db.SaveChangesAsync(cancellationToken);
        return rate;
    }
}
