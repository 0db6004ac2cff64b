using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Capacity;

/// <summary>What the providers list can be narrowed by; null means "any".</summary>
/// <param name="InCouncilArea">True: providers in the council's own LA; false: elsewhere; null: both.</param>
/// <param name="NameContains">Part of the provider's name, any case.</param>
public sealed record ProviderFilter(
    ProvisionType? ProvisionType = null,
    Phase? Phase = null,
    string? District = null,
    Need? DesignatedNeed = null,
    bool? InCouncilArea = null,
    string? NameContains = null);

/// <summary>One provider with its capacity on a date: places for that academic year, children placed that day.</summary>
public sealed record ProviderOccupancyRow(
    string Reference, string Name, ProvisionType ProvisionType, Phase Phase, string LaCode, string? District,
    IReadOnlyList<Need> DesignatedNeeds, ProviderCapacity Capacity);

/// <summary>
/// Occupancy read models: places, filled and vacant per provider on a date. Occupancy on a date is the
/// agreed (or since ended) placements active that day; places are those commissioned for the academic year
/// the date falls in. Active placements are counted in the database, grouped by provider and the child's need,
/// so a county of 20,000 placements is never loaded entity by entity.
/// </summary>
public sealed class ProviderOccupancy(CommissioningDb db)
{
    /// <summary>Every provider matching <paramref name="filter"/>, by name, with its capacity on <paramref name="date"/>.</summary>
    public async Task<IReadOnlyList<ProviderOccupancyRow>> ListAsync(ProviderFilter filter, string councilLaCode, LocalDate date, CancellationToken cancellationToken = default)
    {
        var providers = db.Providers.AsNoTracking();
        if (filter.ProvisionType is { } type) providers = providers.Where(p => p.ProvisionType == type);
        if (filter.Phase is { } phase) providers = providers.Where(p => p.Phase == phase);
        if (!string.IsNullOrWhiteSpace(filter.District)) providers = providers.Where(p => p.District == filter.District);
        if (filter.InCouncilArea is { } inArea) providers = inArea ? providers.Where(p => p.LaCode == councilLaCode) : providers.Where(p => p.LaCode != councilLaCode);
        if (!string.IsNullOrWhiteSpace(filter.NameContains))
        {
            var term = filter.NameContains.Trim().ToLower();
            providers = providers.Where(p => p.Name.ToLower().Contains(term));
        }
        var list = await providers.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        // Designated needs are stored as one delimited column: filtered here, over at most a few hundred providers.
        if (filter.DesignatedNeed is { } need) list = list.Where(p => p.DesignatedNeeds.Contains(need)).ToList();

        var ids = list.Select(p => p.Id).ToList();
        var year = AcademicYear.For(date);
        var places = (await db.CommissionedPlaces.AsNoTracking()
                .Where(c => c.AcademicYear == year && ids.Contains(c.ProviderId))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ProviderId);
        var active = (await ActiveNeedCountsAsync(date, ids, cancellationToken)).ToLookup(a => a.ProviderId);

        return list.Select(p => new ProviderOccupancyRow(p.Reference, p.Name, p.ProvisionType, p.Phase, p.LaCode, p.District, p.DesignatedNeeds,
                ProviderCapacity.On(places[p.Id], active[p.Id].SelectMany(a => Enumerable.Repeat(a.Need, a.Count)))))
            .ToList();
    }

    /// <summary>One provider's capacity on <paramref name="date"/>, by need.</summary>
    public async Task<ProviderCapacity> OnAsync(int providerId, LocalDate date, CancellationToken cancellationToken = default)
    {
        var year = AcademicYear.For(date);
        var places = await db.CommissionedPlaces.AsNoTracking()
            .Where(c => c.ProviderId == providerId && c.AcademicYear == year)
            .ToListAsync(cancellationToken);
        var active = await ActiveNeedCountsAsync(date, [providerId], cancellationToken);
        return ProviderCapacity.On(places, active.SelectMany(a => Enumerable.Repeat(a.Need, a.Count)));
    }

    private async Task<IReadOnlyList<ActiveNeedCount>> ActiveNeedCountsAsync(LocalDate date, List<int> providerIds, CancellationToken cancellationToken)
    {
        var counts = await (
                from p in db.Placements
                where providerIds.Contains(p.ProviderId)
                      && p.Status != PlacementStatus.Proposed && p.Start <= date && (p.End == null || p.End >= date)
                join c in db.Children on p.ChildId equals c.Id
                group p by new { p.ProviderId, c.PrimaryNeed } into g
                select new { g.Key.ProviderId, g.Key.PrimaryNeed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.Select(c => new ActiveNeedCount(c.ProviderId, c.PrimaryNeed, c.Count)).ToList();
    }

    private sealed record ActiveNeedCount(int ProviderId, Need Need, int Count);
}
