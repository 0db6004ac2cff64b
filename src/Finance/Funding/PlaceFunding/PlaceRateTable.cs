using NodaTime;
using Placements.Commissioning.Providers;

namespace Placements.Finance.Funding.PlaceFunding;

/// <summary>A per-place rate in force from <see cref="EffectiveFrom"/>: the plain value of a <see cref="PlaceRate"/> row.</summary>
/// <param name="UnoccupiedRate">For resourced provision, the rate of an empty place (commonly £10,000) when it differs.</param>
public sealed record PlaceRateRow(ProvisionType ProvisionType, LocalDate EffectiveFrom, Money OccupiedRate, Money? UnoccupiedRate);

/// <summary>The council's place rates by provision type; the row in force on a day is the latest starting on or before it.</summary>
public sealed class PlaceRateTable
{
    private readonly Dictionary<ProvisionType, PlaceRateRow[]> rows;

    /// <summary>A table of <paramref name="rows"/>, in any order.</summary>
    public PlaceRateTable(IEnumerable<PlaceRateRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        this.rows = rows.GroupBy(r => r.ProvisionType).ToDictionary(g => g.Key, g => g.OrderBy(r => r.EffectiveFrom).ToArray());
    }

    /// <summary>The table of the stored <paramref name="rates"/>.</summary>
    public static PlaceRateTable From(IEnumerable<PlaceRate> rates) =>
        new(rates.Select(r => new PlaceRateRow(r.ProvisionType, r.EffectiveFrom, r.OccupiedRate, r.UnoccupiedRate)));

    /// <summary>The rate for <paramref name="type"/> in force on <paramref name="day"/>, or null when none has started.</summary>
    public PlaceRateRow? InForce(ProvisionType type, LocalDate day) =>
        rows.TryGetValue(type, out var forType) ? forType.LastOrDefault(r => r.EffectiveFrom <= day) : null;
}
