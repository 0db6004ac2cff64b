using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Tables;

/// <summary>The placement a funding row is added to, as read from Commissioning (Finance keeps no foreign key to it).</summary>
public sealed record FundedPlacement(int Id, string Reference, ProvisionType ProviderProvisionType);

/// <summary>
/// Adds a dated row to a placement's top-up funding: exactly one of a band from the provider's provision type's
/// table or an agreed annual amount. A row already starting on that date is refused.
/// </summary>
public sealed class AddPlacementFunding(FinanceDb db)
{
    /// <exception cref="DomainRuleException"><see cref="FundingTableRules.BandOrAmountNotBoth"/>, <see cref="FundingTableRules.BandMustBeInTheTable"/>,
    /// <c>TopUpMustNotBeNegative</c>, <see cref="FundingTableRules.PlacementFundingAlreadyExists"/>.</exception>
    public async Task<PlacementFunding> ExecuteAsync(FundedPlacement placement, LocalDate effectiveFrom, string? band, Money? agreedAnnualAmount, CancellationToken cancellationToken = default)
    {
        band = string.IsNullOrWhiteSpace(band) ? null : band.Trim();
        if ((band is null) == (agreedAnnualAmount is null))
            throw new DomainRuleException(FundingTableRules.BandOrAmountNotBoth,
                band is null ? "Choose a band or enter an agreed annual amount." : "Choose a band or enter an agreed annual amount, not both.");
        if (band is not null && !await db.TopUpBands.AnyAsync(b => b.ProvisionType == placement.ProviderProvisionType && b.Band == band, cancellationToken))
            throw new DomainRuleException(FundingTableRules.BandMustBeInTheTable,
                $"There is no band {band} in the {placement.ProviderProvisionType.Describe()} table.");
        var row = band is not null
            ? PlacementFunding.ByBand(placement.Id, placement.Reference, effectiveFrom, band)
            : PlacementFunding.ByAgreedAmount(placement.Id, placement.Reference, effectiveFrom, agreedAnnualAmount!.Value);
        if (await db.PlacementFunding.AnyAsync(f => f.PlacementId == placement.Id && f.EffectiveFrom == effectiveFrom, cancellationToken))
            throw new DomainRuleException(FundingTableRules.PlacementFundingAlreadyExists,
                string.Create(CultureInfo.InvariantCulture, $"Placement {placement.Reference} already has funding from {effectiveFrom:d MMMM yyyy}. Funding rows are never changed: add a row with a later effective-from date instead."));
        db.PlacementFunding.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
