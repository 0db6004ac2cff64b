using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Providers;

namespace Placements.Commissioning.Planning;

/// <summary>Places for one need (null = any need) and phase of education.</summary>
public readonly record struct NeedAndPhase(Need? Need, Phase Phase);

/// <summary>
/// Splits one provider's commissioned places across need × phase. Place rows are filled as
/// <see cref="ProviderCapacity"/> fills them (a child fills their need's designated row, otherwise the
/// any-need row); each row's places are then shared among the (need, phase) of the children filling it,
/// by <see cref="LargestRemainder"/>, so the provider's total is kept exactly.
/// </summary>
internal static class PlaceApportionment
{
    /// <summary>
    /// The phase given to places nobody fills: the provider's own; an all-through provider's empty places
    /// count as primary, where most all-through special schools have most of their places.
    /// </summary>
    public static Phase PhaseForEmptyPlaces(Phase providerPhase) =>
        providerPhase == Phase.AllThrough ? Phase.Primary : providerPhase;

    /// <param name="places">The provider's place rows for one academic year.</param>
    /// <param name="providerPhase">Where places nobody fills are shown.</param>
    /// <param name="occupants">The need and phase of each child counted at the provider on the date.</param>
    public static Dictionary<NeedAndPhase, int> Apportion(
        IReadOnlyList<CommissionedPlaces> places, Phase providerPhase, IReadOnlyList<(Need Need, Phase Phase)> occupants)
    {
        var capacity = ProviderCapacity.On(places, occupants.Select(o => o.Need));
        var designated = capacity.Rows.Where(r => r.Need is not null).Select(r => r.Need!.Value).ToHashSet();
        var result = new Dictionary<NeedAndPhase, int>();

        foreach (var row in capacity.Rows)
        {
            var fillers = occupants
                .Where(o => row.Need is { } need ? o.Need == need : !designated.Contains(o.Need))
                .GroupBy(o => new NeedAndPhase(o.Need, o.Phase))
                .OrderBy(g => g.Key.Need).ThenBy(g => g.Key.Phase)
                .Select(g => (Key: g.Key, Children: g.Count()))
                .ToList();
            if (fillers.Count == 0)
            {
                // A designated row nobody fills stays with its need; an any-need row becomes "any need".
                Add(result, new NeedAndPhase(row.Need, PhaseForEmptyPlaces(providerPhase)), row.Places);
                continue;
            }
            var shares = LargestRemainder.Split(row.Places, fillers.Select(f => f.Children).ToList());
            for (var i = 0; i < fillers.Count; i++)
                Add(result, fillers[i].Key, shares[i]);
        }
        return result;
    }

    private static void Add(Dictionary<NeedAndPhase, int> result, NeedAndPhase key, int places)
    {
        if (places > 0) result[key] = result.GetValueOrDefault(key) + places;
    }
}
