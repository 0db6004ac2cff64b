using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Funding.PlaceFunding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Reports;

/// <summary>The top-up in force on a day: the funding row, and its annual amount (null when its band has no amount for the year).</summary>
/// <param name="Row">The funding row in force, or null when none has started.</param>
public sealed record TopUpInForce(TopUpFundingRow? Row, FinancialYear Year, Money? AnnualAmount)
{
    /// <summary>What is missing, in a finance officer's words, or null when the amount is known.</summary>
    public string? Missing => AnnualAmount is not null ? null
        : Row is null ? "No funding row (band or agreed amount) is in force on this date"
        : $"Band {Row.Band} has no amount for {Year}";
}

/// <summary>A placement's Place Plus elements on a date, with what they are worked from.</summary>
public sealed record PlacementElementsResult(
    string Reference, string ChildReference, string ChildName, PlacementStatus Status, LocalDate Start, LocalDate? End,
    string ProviderReference, string ProviderName, ProvisionType ProvisionType, string ProviderLaCode,
    bool IsAcademy, bool IsInThisCouncilsArea, LocalDate Date,
    TopUpInForce TopUp, PlaceRateRow? PlaceRate, Money MainstreamThreshold, PlacePlusElements Elements);

/// <summary>
/// Loads a placement, its provider, its funding rows, the band amounts and the place rates, and works out its Place Plus
/// elements on a date with <see cref="PlacePlusElements.For"/>.
/// </summary>
public sealed class PlacementElements(CommissioningDb commissioning, FinanceDb finance)
{
    /// <summary>The placement's elements on <paramref name="date"/>, or null when there is no such placement.</summary>
    /// <param name="mainstreamThreshold">The additional support a mainstream school meets before top-up (configuration, £6,000 by default).</param>
    public async Task<PlacementElementsResult?> LoadAsync(string reference, LocalDate date, string councilLaCode, Money mainstreamThreshold,
        CancellationToken cancellationToken = default)
    {
        var p = await (
                from pl in commissioning.Placements.AsNoTracking()
                where pl.Reference == reference
                join c in commissioning.Children on pl.ChildId equals c.Id
                join v in commissioning.Providers on pl.ProviderId equals v.Id
                select new
                {
                    pl.Id, pl.Reference, ChildReference = c.Reference, ChildName = c.GivenName + " " + c.FamilyName, pl.Status, pl.Start, pl.End,
                    ProviderReference = v.Reference, ProviderName = v.Name, v.ProvisionType, v.LaCode,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null) return null;

        var row = (await finance.PlacementFunding.AsNoTracking()
                .Where(f => f.PlacementId == p.Id && f.EffectiveFrom <= date)
                .Select(f => new { f.EffectiveFrom, f.Band, f.AgreedAnnualAmount })
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.EffectiveFrom).Select(f => new TopUpFundingRow(f.EffectiveFrom, f.Band, f.AgreedAnnualAmount)).LastOrDefault();
        var year = FinancialYear.For(date);
        Money? amount = row?.AgreedAnnualAmount;
        if (row?.Band is { } band)
        {
            var bands = await finance.TopUpBands.AsNoTracking()
                .Where(b => b.ProvisionType == p.ProvisionType && b.Band == band && b.FinancialYear == year)
                .Select(b => new BandAmount(b.ProvisionType, b.Band, b.FinancialYear, b.AnnualAmount))
                .ToListAsync(cancellationToken);
            amount = new TopUpBandTable(bands).Find(p.ProvisionType, band, year);
        }
        var topUp = new TopUpInForce(row, year, amount);

        var rates = new PlaceRateTable(await finance.PlaceRates.AsNoTracking()
            .Where(r => r.ProvisionType == p.ProvisionType)
            .Select(r => new PlaceRateRow(r.ProvisionType, r.EffectiveFrom, r.OccupiedRate, r.UnoccupiedRate))
            .ToListAsync(cancellationToken));
        var rate = rates.InForce(p.ProvisionType, date);

        var isAcademy = p.ProvisionType == ProvisionType.SpecialAcademy;
        var inArea = p.LaCode == councilLaCode;
        var provider = new FundedProvider(p.ProviderReference, p.ProvisionType, isAcademy, inArea);
        // A missing top-up is shown as missing by the page, never as a zero payment.
        var elements = PlacePlusElements.For(provider, amount ?? Money.Zero, rate?.OccupiedRate, mainstreamThreshold);
        return new(p.Reference, p.ChildReference, p.ChildName, p.Status, p.Start, p.End, p.ProviderReference, p.ProviderName, p.ProvisionType,
            p.LaCode, isAcademy, inArea, date, topUp, rate, mainstreamThreshold, elements);
    }
}
