using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>
/// <see cref="PlanningData"/> looked up by id, built once in one pass so that every table is linear in
/// the number of placements. Checks that every placement and place row points at a known child and provider:
/// a dangling id would otherwise drop a child from the counts without a word.
/// </summary>
internal sealed class PlanningIndex
{
    private readonly IReadOnlyList<PlanningPlacement> placements;
    private readonly Dictionary<AcademicYear, Dictionary<int, List<CommissionedPlaces>>> placesByYear = [];

    public PlanningIndex(PlanningData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CouncilLa = data.CouncilLa;
        Providers = Unique(data.Providers, p => p.Id, "provider");
        Children = Unique(data.Children, c => c.Id, "child");
        foreach (var placement in data.Placements)
        {
            if (!Children.ContainsKey(placement.ChildId))
                throw new ArgumentException($"A placement refers to child {placement.ChildId}, who is not in the planning data.", nameof(data));
            if (!Providers.ContainsKey(placement.ProviderId))
                throw new ArgumentException($"A placement refers to provider {placement.ProviderId}, which is not in the planning data.", nameof(data));
        }
        placements = data.Placements;

        foreach (var row in data.Places)
        {
            if (!Providers.ContainsKey(row.ProviderId))
                throw new ArgumentException($"Commissioned places refer to provider {row.ProviderId}, which is not in the planning data.", nameof(data));
            if (!placesByYear.TryGetValue(row.AcademicYear, out var byProvider))
                placesByYear[row.AcademicYear] = byProvider = [];
            if (!byProvider.TryGetValue(row.ProviderId, out var rows))
                byProvider[row.ProviderId] = rows = [];
            rows.Add(row);
        }
    }

    public string CouncilLa { get; }
    public IReadOnlyDictionary<int, PlanningProvider> Providers { get; }
    public IReadOnlyDictionary<int, PlanningChild> Children { get; }

    /// <summary>Academic years with at least one commissioned-places row, earliest first.</summary>
    public IEnumerable<AcademicYear> YearsWithPlaces => placesByYear.Keys.Order();

    /// <summary>
    /// The council's own provision in <paramref name="year"/>: providers in the council's LA that have
    /// commissioned places that year, with their place rows.
    /// </summary>
    public IReadOnlyDictionary<int, List<CommissionedPlaces>> OwnProvision(AcademicYear year)
    {
        var own = new Dictionary<int, List<CommissionedPlaces>>();
        if (placesByYear.TryGetValue(year, out var byProvider))
            foreach (var (providerId, rows) in byProvider)
                if (IsCouncils(Providers[providerId]))
                    own[providerId] = rows;
        return own;
    }

    public bool IsCouncils(PlanningProvider provider) => string.Equals(provider.LaCode, CouncilLa, StringComparison.Ordinal);

    /// <summary>
    /// Each child active on <paramref name="date"/> with the one placement they are counted at. A dually
    /// registered child (two settings at once) is counted once, at the main (not dual) placement; among
    /// equals, the later start and then the lower provider id win, so the choice never depends on input order.
    /// </summary>
    public Dictionary<int, PlanningPlacement> ActiveOn(LocalDate date)
    {
        var chosen = new Dictionary<int, PlanningPlacement>();
        foreach (var placement in placements)
        {
            if (!placement.IsActiveOn(date)) continue;
            if (!chosen.TryGetValue(placement.ChildId, out var current) || Preferred(placement, current))
                chosen[placement.ChildId] = placement;
        }
        return chosen;
    }

    private static bool Preferred(PlanningPlacement candidate, PlanningPlacement current)
    {
        if (candidate.DualRegistration != current.DualRegistration) return !candidate.DualRegistration;
        if (candidate.Start != current.Start) return candidate.Start > current.Start;
        return candidate.ProviderId < current.ProviderId;
    }

    private static Dictionary<int, T> Unique<T>(IEnumerable<T> items, Func<T, int> id, string what)
    {
        var byId = new Dictionary<int, T>();
        foreach (var item in items)
            if (!byId.TryAdd(id(item), item))
                throw new ArgumentException($"The planning data holds {what} {id(item)} twice.");
        return byId;
    }
}
