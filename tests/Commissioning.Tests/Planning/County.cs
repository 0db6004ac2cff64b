using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Planning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Tests.Planning;

/// <summary>Builds a small hand-made county for worked examples; ids are handed out in order from 1.</summary>
internal sealed class County(string councilLa = County.Council)
{
    public const string Council = "886";
    public const string Neighbour = "887";

    private readonly List<PlanningProvider> providers = [];
    private readonly List<PlanningChild> children = [];
    private readonly List<PlanningPlacement> placements = [];
    private readonly List<CommissionedPlaces> places = [];

    public PlanningData Data => new(councilLa, providers, children, placements, places);

    public int Provider(string name, ProvisionType type, Phase phase, string? district, string la = Council)
    {
        var id = providers.Count + 1;
        providers.Add(new PlanningProvider(id, $"P{id}", name, type, la, district, phase));
        return id;
    }

    /// <summary>A child in <paramref name="ncy"/> in <paramref name="year"/> (born 1 March, well clear of the 31 August cut-off).</summary>
    public int Child(Need need, int ncy, AcademicYear year, string? district = null)
    {
        var id = children.Count + 1;
        children.Add(new PlanningChild(id, new LocalDate(year.StartYear - 4 - ncy, 3, 1), need, district));
        return id;
    }

    public County Placement(int child, int provider, LocalDate start, LocalDate? end = null, OutOfAreaReason? reason = null, bool dual = false)
    {
        placements.Add(new PlanningPlacement(child, provider, start, end, reason, dual));
        return this;
    }

    public County Places(int provider, AcademicYear year, Need? need, int count)
    {
        places.Add(new CommissionedPlaces(provider, year, need, count));
        return this;
    }
}
