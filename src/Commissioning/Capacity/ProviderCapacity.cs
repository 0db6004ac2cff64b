using Placements.Commissioning.Children;

namespace Placements.Commissioning.Capacity;

/// <summary>Places, filled and vacant for one commissioned-places row (one need, or any need when <see cref="Need"/> is null).</summary>
public sealed record CapacityRow(Need? Need, int Places, int Filled)
{
    /// <summary>Never negative: an over-full row has no vacancies (see <see cref="OverPlaces"/>).</summary>
    public int Vacant => Math.Max(0, Places - Filled);
    public int OverPlaces => Math.Max(0, Filled - Places);
}

/// <summary>
/// A provider's capacity on one date. A child fills the row for their primary need when the provider
/// has places designated for it, otherwise the any-need row. A provider with no commissioned places at all
/// (an independent school, a mainstream school) places children individually and is never full.
/// </summary>
public sealed class ProviderCapacity
{
    private ProviderCapacity(IReadOnlyList<CapacityRow> rows, int unplacedByRow)
    {
        Rows = rows;
        FilledWithoutAPlace = unplacedByRow;
    }

    public IReadOnlyList<CapacityRow> Rows { get; }
    /// <summary>Children whose need has neither a designated row nor an any-need row to fill.</summary>
    public int FilledWithoutAPlace { get; }
    public bool HasCommissionedPlaces => Rows.Count > 0;
    public int Places => Rows.Sum(r => r.Places);
    public int Filled => Rows.Sum(r => r.Filled) + FilledWithoutAPlace;
    public int Vacant => Rows.Sum(r => r.Vacant);

    /// <param name="places">The provider's commissioned places for the academic year the date is in.</param>
    /// <param name="activeNeeds">The primary need of each child placed there and active on the date.</param>
    public static ProviderCapacity On(IEnumerable<CommissionedPlaces> places, IEnumerable<Need> activeNeeds)
    {
        var byNeed = places.GroupBy(p => p.Need).ToDictionary(g => g.Key ?? AnyNeed, g => g.Sum(p => p.Places));
        var filled = new Dictionary<Need, int>();
        var without = 0;
        foreach (var need in activeNeeds)
        {
            var row = byNeed.ContainsKey(need) ? need : byNeed.ContainsKey(AnyNeed) ? AnyNeed : (Need?)null;
            if (row is { } r) filled[r] = filled.GetValueOrDefault(r) + 1;
            else without++;
        }
        var rows = byNeed
            .OrderBy(kv => kv.Key == AnyNeed ? int.MaxValue : (int)kv.Key)
            .Select(kv => new CapacityRow(kv.Key == AnyNeed ? null : kv.Key, kv.Value, filled.GetValueOrDefault(kv.Key)))
            .ToList();
        return new ProviderCapacity(rows, without);
    }

    /// <summary>Whether one more child with <paramref name="need"/> can be placed without exceeding the commissioned places.</summary>
    public bool HasVacancyFor(Need need)
    {
        if (!HasCommissionedPlaces) return true;
        var row = Rows.FirstOrDefault(r => r.Need == need) ?? Rows.FirstOrDefault(r => r.Need is null);
        return row is not null && row.Filled < row.Places;
    }

    // Any-need rows are keyed internally by a sentinel outside the enum's range.
    private const Need AnyNeed = (Need)(-1);
}
