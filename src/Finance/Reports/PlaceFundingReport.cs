using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Funding.PlaceFunding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Reports;

/// <summary>One provider's place funding for the year, with the places (and, for resourced provision, occupied places) it is worked from.</summary>
public sealed record ProviderPlaceFundingRow(
    string Reference, string Name, ProvisionType ProvisionType, string LaCode, bool IsAcademy, bool IsInThisCouncilsArea,
    CommissionedPlaces? EarlierPlaces, CommissionedPlaces? LaterPlaces, PlaceFundingForYear Funding);

/// <summary>A provider with commissioned places whose place funding cannot be worked out because no rate is in force for its type.</summary>
public sealed record ProviderWithoutRate(string Reference, string Name, ProvisionType ProvisionType, string Reason);

/// <summary>Place funding (s251 line 1.0.2) per provider for a financial year, with totals by who pays.</summary>
public sealed record PlaceFundingReportResult(
    FinancialYear Year, PlaceFundingSplit Split, LocalDate EarlierOccupancyDate, LocalDate LaterOccupancyDate,
    IReadOnlyList<ProviderPlaceFundingRow> Rows, IReadOnlyList<ProviderWithoutRate> RateMissing)
{
    /// <summary>The year's place funding by who pays it (payers with none left out).</summary>
    public IReadOnlyList<(FundingPayer Payer, Money Total)> TotalsByPayer =>
        Rows.GroupBy(r => r.Funding.PaidBy).OrderBy(g => g.Key)
            .Select(g => (g.Key, Money.Sum(g.Select(r => r.Funding.Total)))).ToList();

    /// <summary>What this council pays on s251 line 1.0.2: the place funding of maintained settings in its own area.</summary>
    public Money CouncilS251Total => Money.Sum(Rows.Where(r => r.Funding.PaidBy == FundingPayer.ThisCouncil).Select(r => r.Funding.Total));

    /// <summary>Every provider's place funding added up, whoever pays it.</summary>
    public Money GrandTotal => Money.Sum(Rows.Select(r => r.Funding.Total));
}

/// <summary>
/// Loads what <see cref="ProviderPlaceFunding"/> needs for every provider with commissioned places in the two academic
/// years a financial year overlaps, and works out each one's place funding. Occupancy of resourced provision is counted on
/// 1 October of each academic year: the agreed (or since ended) placements active that day.
/// </summary>
public sealed class PlaceFundingReport(CommissioningDb commissioning, FinanceDb finance)
{
    /// <summary>The day of an academic year on which resourced provision's occupied places are counted: 1 October.</summary>
    public static LocalDate OccupancyDate(AcademicYear year) => new(year.StartYear, 10, 1);

    public async Task<PlaceFundingReportResult> LoadAsync(FinancialYear year, string councilLaCode, CancellationToken cancellationToken = default)
    {
        var split = year.PlaceFundingSplit();
        var (earlierAy, laterAy) = (split.EarlierAcademicYear, split.LaterAcademicYear);
        var placeRows = await commissioning.CommissionedPlaces.AsNoTracking()
            .Where(c => c.AcademicYear == earlierAy || c.AcademicYear == laterAy)
            .Select(c => new { c.ProviderId, c.AcademicYear, c.Places })
            .ToListAsync(cancellationToken);
        var placesByProvider = placeRows.GroupBy(p => p.ProviderId)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.AcademicYear).ToDictionary(y => y.Key, y => y.Sum(p => p.Places)));
        var ids = placesByProvider.Keys.ToList();
        var providers = await commissioning.Providers.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Reference, p.Name, p.ProvisionType, p.LaCode })
            .ToListAsync(cancellationToken);

        var resourced = providers.Where(p => p.ProvisionType == ProvisionType.ResourcedProvision).Select(p => p.Id).ToList();
        var (earlierDay, laterDay) = (OccupancyDate(earlierAy), OccupancyDate(laterAy));
        var occupiedEarlier = await ActiveCountsAsync(resourced, earlierDay, cancellationToken);
        var occupiedLater = await ActiveCountsAsync(resourced, laterDay, cancellationToken);

        var rates = PlaceRateTable.From(await finance.PlaceRates.AsNoTracking().ToListAsync(cancellationToken));

        var rows = new List<ProviderPlaceFundingRow>();
        var missing = new List<ProviderWithoutRate>();
        foreach (var p in providers)
        {
            var byYear = placesByProvider[p.Id];
            CommissionedPlaces? PlacesIn(AcademicYear ay, Dictionary<int, int> occupied) =>
                byYear.TryGetValue(ay, out var n) ? new CommissionedPlaces(ay, n, occupied.GetValueOrDefault(p.Id)) : null;
            var earlier = PlacesIn(earlierAy, occupiedEarlier);
            var later = PlacesIn(laterAy, occupiedLater);
            // Academy status is recorded only through the provision type: a special academy is an academy; a
            // mainstream or resourced-provision host's academy status is not recorded, so it is taken as maintained.
            var isAcademy = p.ProvisionType == ProvisionType.SpecialAcademy;
            var inArea = p.LaCode == councilLaCode;
            var funded = new FundedProvider(p.Reference, p.ProvisionType, isAcademy, inArea);
            try
            {
                var funding = ProviderPlaceFunding.For(funded, year, ay => ay == earlierAy ? earlier : ay == laterAy ? later : null, rates);
                rows.Add(new(p.Reference, p.Name, p.ProvisionType, p.LaCode, isAcademy, inArea, earlier, later, funding));
            }
            catch (DomainRuleException e) when (e.Rule == "PlaceRateMustBeKnown")
            {
                missing.Add(new(p.Reference, p.Name, p.ProvisionType, e.Message));
            }
        }
        return new(year, split, earlierDay, laterDay, rows, missing);
    }

    private async Task<Dictionary<int, int>> ActiveCountsAsync(List<int> providerIds, LocalDate day, CancellationToken cancellationToken)
    {
        if (providerIds.Count == 0) return [];
        var counts = await commissioning.Placements.AsNoTracking()
            .Where(p => providerIds.Contains(p.ProviderId) && p.Status != PlacementStatus.Proposed && p.Start <= day && (p.End == null || p.End >= day))
            .GroupBy(p => p.ProviderId)
            .Select(g => new { ProviderId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.ProviderId, c => c.Count);
    }
}
