using Microsoft.EntityFrameworkCore;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Tables;

/// <summary>
/// Adds a top-up band to a provision type's table for one financial year. A band already in that year's table is
/// refused: payments may have been made against it, so it is never changed; the next year's band is added instead.
/// </summary>
public sealed class AddTopUpBand(FinanceDb db)
{
    /// <exception cref="DomainRuleException"><see cref="FundingTableRules.BandNameRequired"/>, <c>TopUpMustNotBeNegative</c>, <see cref="FundingTableRules.TopUpBandAlreadyExists"/>.</exception>
    public async Task<TopUpBand> ExecuteAsync(ProvisionType type, string band, FinancialYear year, Money annualAmount, CancellationToken cancellationToken = default)
    {
        band = band.Trim();
        if (band.Length == 0)
            throw new DomainRuleException(FundingTableRules.BandNameRequired, "Enter the band's name.");
        if (band.Length > FundingTableRules.BandNameMaxLength)
            throw new DomainRuleException(FundingTableRules.BandNameRequired, $"The band's name must be {FundingTableRules.BandNameMaxLength} characters or fewer.");
        var row = new TopUpBand(type, band, year, annualAmount); // refuses a negative amount
        if (await db.TopUpBands.AnyAsync(b => b.ProvisionType == type && b.Band == band && b.FinancialYear == year, cancellationToken))
            throw new DomainRuleException(FundingTableRules.TopUpBandAlreadyExists,
                $"{type.Describe()} band {band} for {year} already exists and cannot be changed, as payments may have been made against it. Add the next year's band instead.");
        db.TopUpBands.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
